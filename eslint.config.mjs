/**
 * `npm run lint`: the rules the project relies on, enforced in CI (scripts/test-all.sh).
 *   - layering/imports (eslint/layering.mjs): which layer may import what — source files only;
 *     tests, bench, e2e, eval and build scripts may reach across;
 *   - @typescript-eslint/no-floating-promises: type-aware (projectService), on the TypeScript
 *     sources (tests included: an un-awaited expect().rejects passes silently);
 *   - react-hooks/rules-of-hooks and react-hooks/exhaustive-deps in the renderer.
 * Nothing else is switched on: every rule here is one the code keeps.
 */
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layering from './eslint/layering.mjs';

const LAYERS = ['shared', 'db', 'core', 'cli', 'electron', 'renderer'];
/** Files that are not the app: tests and their helpers, which may reach across layers. */
const NOT_SOURCE = ['**/*.test.ts', '**/*.test.tsx', '**/test-*.ts', '**/*-test-helpers.ts', '**/testkit.ts', '**/fake-*.ts', '**/vite.config.ts', 'shared/checks/data/generate.mjs'];

export default defineConfig(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', '.reports/**', 'test-results/**', 'playwright-report/**', 'renderer/dist/**', '**/*.d.mts'] },
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: LAYERS.map((l) => `${l}/**/*.{ts,tsx,mts,js,mjs}`),
    ignores: NOT_SOURCE,
    plugins: { layering },
    rules: { 'layering/imports': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
