// Jest runs the suites as CommonJS: on Node 20 it cannot load ESM packages that CommonJS
// packages require (Nest 12 is ESM only; @nestjs/throttler requires it). So everything,
// TypeScript and ESM packages alike, is compiled to CommonJS by swc; one copy of each module.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
});

const ESM_SYNTAX = /^\s*(import|export)\b|\bimport\.meta\b/m;

module.exports = {
  process(source, filename, options) {
    if (filename.includes('/node_modules/')) {
      // Plain CommonJS passes through untouched (most of node_modules, and fast).
      if (!ESM_SYNTAX.test(source)) return { code: source };
      source = source.replace(/\bimport\.meta\.url\b/g, "('file://' + __filename)");
    }
    return swc.process(source, filename, { ...options, supportsStaticESM: false });
  },
  getCacheKey(source, filename, options) {
    return `cjs2:${swc.getCacheKey(source, filename, options)}`;
  },
};
