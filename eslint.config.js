import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Process boundaries (DESIGN.md): renderer/ and shared/ never touch Electron or
// Node built-ins; electron/core/ is plain Node and never touches Electron.
const noElectron = { name: 'electron', message: 'Only electron/main.ts, preload.ts and electron/shell/ may import electron.' };
const nodeBuiltins = {
  group: ['node:*'],
  message: 'renderer/ and shared/ run in the browser: no Node built-ins.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [nodeBuiltins, { group: ['electron/*'], message: noElectron.message }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }],
    },
  },
);
