// npm run -s parse -- FILE: prints the ParseResult as JSON on stdout; exit 2 with a one-line
// reason on stderr when the file cannot be read or is of a type the parser does not read.

import { runParseCli } from './cli-run.js';

runParseCli(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Lỗi: ${(err as Error).message}\n`);
    process.exitCode = 2;
  },
);
