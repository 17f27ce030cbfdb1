import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Process boundaries (DESIGN.md): renderer/ and shared/ never touch Electron,
// the electron/ folder or Node built-ins; electron/core/ is plain Node and never
// touches Electron or the Electron shell. Relative paths count: the patterns
// match the import text, so '../../electron/core/frame' and 'fs' are caught as
// well as 'electron' and 'node:fs' (eslint-boundaries.test.ts proves it).
const BROWSER_SIDE = 'renderer/ and shared/ run in the browser: no Electron, nothing from electron/, no Node built-ins.';
const CORE = 'electron/core/ is plain Node: no Electron and nothing from electron/shell/ (the shells import the core, not the other way).';
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: BROWSER_SIDE }));

const boundaryRules = {
  browserSide: [
    'error',
    {
      paths: nodeBuiltins,
      patterns: [
        { group: ['node:*'], message: BROWSER_SIDE },
        // 'electron', 'electron/…', '../electron/…', '../../electron' and the like.
        { regex: '(^|/)electron(/|$)', message: BROWSER_SIDE },
      ],
    },
  ],
  core: [
    'error',
    {
      paths: [{ name: 'electron', message: CORE }],
      patterns: [
        { regex: '^electron/', message: CORE },
        // There is no shell/ folder inside electron/core, so any import through one is the Electron shell.
        { regex: '(^|/)shell(/|$)', message: CORE },
      ],
    },
  ],
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
    rules: { 'no-restricted-imports': boundaryRules.browserSide },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': boundaryRules.core },
  },
);
