import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The floors of src/main: each room may import only the rooms listed for it (and src/shared,
 * Node and libraries). Nothing imports upward or sideways, so no two rooms can import each other.
 */
const MAIN_ROOMS = {
  ground: [],
  vvx: ['ground'],
  ipc: ['ground'],
  settings: ['ground'],
  contacts: ['ground'],
  push: ['ground'],
  demo: [],
  session: ['ground', 'vvx', 'push'],
  core: ['ground', 'vvx', 'push', 'session', 'settings', 'contacts', 'demo'],
  'browser-host': ['ground', 'ipc', 'core'],
  cli: ['ground', 'ipc', 'core'],
  electron: ['ground', 'ipc', 'core', 'settings'],
};

const mainFloorZones = Object.entries(MAIN_ROOMS).flatMap(([room, allowed]) =>
  Object.keys(MAIN_ROOMS)
    .filter((other) => other !== room && !allowed.includes(other))
    .map((other) => ({
      target: `./src/main/${room}`,
      from: `./src/main/${other}`,
      message: `src/main/${room} may import only ${allowed.join(', ') || 'no other room of src/main'} (see src/main/README.md).`,
    })),
);

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      // `interface X extends Y {}` names a mapped type without letting TypeScript inline it.
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      // Type-only imports are erased at build time, so only imports that run can close a circle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: mainFloorZones }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/simulator/**', 'electron'],
              message: 'The renderer talks to the core only through the contract.',
            },
            {
              // The contract's schemas would bring zod into the renderer's bundle.
              regex:
                '(^zod$|shared/value-rules$|shared/contract(/(index|define|phones|calls|screen|device|config|contacts|settings|links|fleet))?$)',
              allowTypeImports: true,
              message:
                'The renderer imports only types from the contract (values from api, events, errors and wire), so zod stays out of its bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/bridge/api.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'deskpilot',
          message:
            'Only the bridge reads the preload API; stores get it injected through AppStores.',
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/main/**',
                '**/renderer/**',
                '**/preload/**',
                '**/simulator/**',
                'electron',
                'node:*',
              ],
              message: 'src/shared imports nothing from the other folders.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', 'electron'],
              message: 'The simulator talks to the rest only over HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/renderer/**'],
              message: 'Only src/main/electron/ may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/preload/**/*.ts'],
    ignores: ['src/main/electron/contract-ipc.ts', 'src/preload/ipc-transport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message:
                'IPC goes through its wrappers only: src/main/electron/contract-ipc.ts (sender-checked) and src/preload/ipc-transport.ts.',
            },
          ],
        },
      ],
    },
  },
);
