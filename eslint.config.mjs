// Lint enforces the architecture (style.md, "The house"): pure libs stay free of frameworks, I/O and apps; libs are
// imported through their root; nothing imports an app. Plus two rules the style guide states outright: no `any`
// and no committed `.only`. Formatting and the rest are left to review.
import tseslint from 'typescript-eslint';

const LIBS = 'api-contract|report-format|report-parser|report-charts|persistence|queue-contracts|config';
const PURE_LIBS = ['libs/api-contract/src', 'libs/report-format/src', 'libs/report-parser/src', 'libs/report-charts/src'];

/** `@nianbao/x/src/y` or `../../report-format/src/y`: reaching into a lib instead of through its root. */
const throughRoot = [
  { regex: '^@nianbao/[^/]+/.+', message: 'Import a lib through its root (@nianbao/<lib>), not a path inside it.' },
  {
    regex: `^(\\.\\./)+(libs/)?(${LIBS})/src(/|$)`,
    message: 'Import another lib through its root (@nianbao/<lib>), not by a relative path into its src.',
  },
];

const app = (name) => ({
  regex: `^(\\.\\./)+(apps/)?${name}/src(/|$)`,
  message: `Nothing imports the ${name} app: move what is shared into a lib.`,
});

const infrastructure = {
  paths: ['typeorm', 'bullmq', 'ioredis', 'pg'].map((name) => ({
    name,
    message: 'Pure libs (api-contract, report-format, report-parser, report-charts) take data and return data: no database or queue.',
  })),
  patterns: [
    { group: ['@nestjs/*'], message: 'Pure libs do not depend on NestJS.' },
    { group: ['typeorm/*', 'bullmq/*', 'pg/*'], message: 'Pure libs do not depend on a database or queue.' },
  ],
};

const fileSystem = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
  name,
  message: 'Pure libs take bytes (Uint8Array/Buffer), never read files; only their spec files may use fs.',
}));

const restrictImports = ({ paths = [], patterns = [] }) => ['error', { paths, patterns }];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.data/**'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].map((object) => ({ object, property: 'only', message: 'Do not commit .only.' })),
      ],
      'no-restricted-imports': restrictImports({ patterns: throughRoot }),
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports({ patterns: [...throughRoot, app('api'), app('worker'), app('web')] }) },
  },
  {
    files: PURE_LIBS.map((dir) => `${dir}/**/*.ts`),
    rules: {
      'no-restricted-imports': restrictImports({
        paths: [...infrastructure.paths, ...fileSystem],
        patterns: [...throughRoot, ...infrastructure.patterns, app('api'), app('worker'), app('web')],
      }),
    },
  },
  {
    files: PURE_LIBS.map((dir) => `${dir}/**/*.spec.ts`),
    rules: {
      'no-restricted-imports': restrictImports({
        paths: infrastructure.paths,
        patterns: [...throughRoot, ...infrastructure.patterns, app('api'), app('worker'), app('web')],
      }),
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports({ patterns: [...throughRoot, app('worker'), app('web')] }) },
  },
  {
    files: ['apps/worker/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports({ patterns: [...throughRoot, app('api'), app('web')] }) },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.mts'],
    rules: {
      'no-restricted-imports': restrictImports({
        paths: infrastructure.paths,
        patterns: [...throughRoot, ...infrastructure.patterns, app('api'), app('worker')],
      }),
    },
  },
];
