import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Layer boundaries (CONVENTIONS 11 and 14): imports say where they go, and these folders may not
// reach the ones named. In flat config a later block replaces a rule's options, so each block
// repeats the climb rule.
const climb = {
  regex: '^(\\.\\./){3,}',
  message:
    'Import across folders with #server/*, #lib/*, #src/*, #tests/*, #bench/* or #scripts/* (package.json "imports").'
};
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [climb, ...patterns] }] }
});

export default ts.config(
  {
    ignores: [
      'build/',
      'build-server/',
      '.svelte-kit/',
      'node_modules/',
      'data/',
      'test-results/',
      'playwright-report/',
      'drizzle/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  layer(['**/*.ts', '**/*.svelte'], []),
  layer(
    ['server/rooms/**'],
    [
      {
        group: [
          '#server/auth/*',
          '#server/audit/*',
          '#server/policy/*',
          '../auth/*',
          '../audit/*',
          '../policy/*'
        ],
        message: 'Rooms know their hooks, never policy, accounts or activity (server/rooms/hooks.ts).'
      }
    ]
  ),
  layer(
    ['src/lib/**'],
    [
      {
        group: ['#server/*'],
        message: 'src/lib is shared with the browser and never imports server/.'
      },
      { regex: '(^|/)server/', message: 'src/lib is shared with the browser and never imports server/.' }
    ]
  ),
  {
    files: ['*.js', '*.config.js'],
    ...ts.configs.disableTypeChecked
  },
  {
    // SvelteKit keeps the service worker out of the app's tsconfig (it needs the webworker lib).
    files: ['src/service-worker.ts'],
    ...ts.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false } }
  }
);
