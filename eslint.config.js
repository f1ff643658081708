// @ts-check
import js from '@eslint/js'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Generic plumbing, and the domain folders it must never reach into. */
const PLUMBING = ['./main/core/net', './main/core/storage']
const DOMAIN = [
  'braze',
  'zendesk',
  'liquid',
  'simulators',
  'users',
  'templates',
  'captures',
  'vault',
  'connection',
  'receiver',
  'tunnel',
  'instance',
  'presets',
  'trigger',
].map((folder) => `./main/core/${folder}`)

/**
 * The layering of DESIGN.md, as lint errors: the engine is plain Node, the renderer reaches the
 * outside world only through the typed API, and shared code belongs to neither side.
 */
const layering = [
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/core is plain Node: only main/desktop may import electron.',
            },
            {
              name: 'electron-store',
              message: 'electron-store needs Electron: use conf in main/core.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './main/core',
              from: './main/desktop',
              message: 'The engine must not depend on the desktop door.',
            },
            {
              target: './main/core',
              from: './main/web',
              message: 'The engine must not depend on the browser door.',
            },
            {
              target: './main/core',
              from: './main/cli',
              message: 'The engine must not depend on the CLI.',
            },
            {
              target: './main/core',
              from: './main/api',
              message: 'The engine must not depend on the API layer.',
            },
            {
              target: './main/core',
              from: './renderer',
              message: 'The engine must not depend on the renderer.',
            },
            {
              target: ['./main/core/braze', './main/core/zendesk'],
              from: './main/core/simulators',
              message:
                'Braze and Zendesk knowledge is what the simulators call, never the other way round.',
            },
            {
              target: ['./main/core/receiver', './main/core/tunnel', './main/core/captures'],
              from: './main/core/simulators',
              message:
                'The receiver, tunnels and captures face real traffic: they never depend on the simulators.',
            },
            {
              target: PLUMBING,
              from: DOMAIN,
              message:
                'Plumbing (net, storage) serves the domain folders and imports none of them.',
            },
            {
              target: './main/core/storage',
              from: './main/core',
              except: ['./storage'],
              message:
                'storage/ is what every store stands on: it imports nothing from the rest of the engine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/api/**/*.ts', 'main/web/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/desktop (and the preload) may import electron.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './main',
              from: './main/desktop',
              except: [],
              message: 'Only the desktop door may use main/desktop.',
            },
            {
              target: './main',
              from: './renderer',
              message: 'Node code must not import the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only to the typed API client.' },
          ],
          patterns: [
            { regex: '^node:', message: 'The renderer runs in a sandboxed page: no Node modules.' },
            {
              regex: '^(fs|path|os|child_process|net|http|https|crypto|url|events|stream)$',
              message: 'The renderer runs in a sandboxed page: no Node modules.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: './main',
              message: 'The renderer reaches main only through the typed API.',
            },
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
          paths: [{ name: 'electron', message: 'shared/ is used by both sides: no electron.' }],
          patterns: [
            { regex: '^node:', message: 'shared/ runs in the renderer too: no Node modules.' },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: './main',
              message: 'shared/ imports nothing from either side.',
            },
            {
              target: './shared',
              from: './renderer',
              message: 'shared/ imports nothing from either side.',
            },
          ],
        },
      ],
    },
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/e2e/__screenshots__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Scripts, benchmarks and tests talk to a terminal.
    files: ['scripts/**', 'bench/**', 'test/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // expect(mock.method).toHaveBeenCalled() reads a method without calling it, by design, and
    // vitest types its asymmetric matchers (expect.stringMatching…) as any.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  ...layering,
)
