// Every result validates against the contract (parse-result.schema.json). ajv and ajv-formats
// are present through other packages; the lead is asked to list them as devDependencies.

import { describe, expect, it } from '@jest/globals';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../src/parsing/index.js';

const fixtures = join(process.cwd(), 'test/fixtures');
const schema = JSON.parse(readFileSync(join(fixtures, 'parse-result.schema.json'), 'utf8'));
// both packages are CommonJS whose export is also its own `default`: this reads the same in
// the type checker (ESM view) and at run time (CommonJS view)
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const files = [
  ...readdirSync(join(fixtures, 'seeds')).map((f) => join(fixtures, 'seeds', f)),
  ...readdirSync(join(fixtures, 'documents'))
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => join(fixtures, 'documents', f)),
];

describe('results follow parse-result.schema.json', () => {
  it.each(files.map((f) => [f.slice(fixtures.length + 1), f]))('%s', (_name, file) => {
    const ok = validate(parseText(readFileSync(file, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the expected files follow it too', () => {
    const expected = readdirSync(join(fixtures, 'examples')).map((f) =>
      JSON.parse(readFileSync(join(fixtures, 'examples', f), 'utf8')),
    );
    for (const e of expected) expect(validate(e)).toBe(true);
  });
});
