import argon2 from 'argon2';

// argon2id with the library's defaults (OWASP's minimum or above); verify reads the
// parameters from the hash, so raising them later keeps old hashes valid.
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: login spends the same time whether the user exists or not. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}
