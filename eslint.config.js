import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'http', 'net', 'zlib', 'stream'];

/** Layers (HOUSE.md): only the shell imports electron; renderer and shared never touch Node or the database. */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'bench/.data/**', 'test-results/**', 'playwright-report/**', 'resources/sample/**', 'resources/schemas/compiled/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // The ESM bundler injects its own top-level `require` shim; a module-level `require` collides with it.
      'no-restricted-syntax': [
        'error',
        { selector: "Program > VariableDeclaration > VariableDeclarator[id.name='require']", message: 'Name it something else (e.g. requireFromHere): the bundle defines its own `require`.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node modules.' },
            { group: ['electron', 'better-sqlite3'], message: 'The renderer talks to main only through the API client.' },
            { group: ['**/electron/**'], message: 'The renderer may import shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs anywhere: no Node modules.' },
            { group: ['electron', 'better-sqlite3', 'react', 'react-dom'], message: 'shared/ runs anywhere: no Electron, database or DOM.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/app/**', 'electron/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main/app/ and electron/main/index.ts import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'Main never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['better-sqlite3', '**/electron/main/**'], message: 'The preload only bridges IPC.' }] }],
    },
  },
);
