import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runParseCli } from './cli-run.js';

function sink() {
  const chunks: string[] = [];
  return { write: (s: string) => chunks.push(s), text: () => chunks.join('') };
}

async function run(args: string[]) {
  const out = sink();
  const err = sink();
  const code = await runParseCli(args, out, err);
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('parse command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-parse-'));

  it('prints the result as JSON and exits 0', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'KẾ HOẠCH\nvề X\n\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n');
    const r = await run([file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].clauses[0].leads[0].mention).toBe('Sở Nội vụ');
    expect(r.stdout).toContain('\n  "documents"');
  });

  it('exits 2 with one line for an unreadable or unsupported file', async () => {
    const bin = join(dir, 'b.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0xff]));
    for (const args of [[bin], [join(dir, 'missing.txt')], []]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
