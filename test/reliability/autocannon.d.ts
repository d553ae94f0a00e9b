// What the reliability load adds to bench/autocannon.d.ts: per-request response hooks.
declare module 'autocannon' {
  interface AutocannonRequest {
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string>,
    ) => void;
  }
}
