// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.provision/**', '.build/**', 'test-artifacts/**', 'src/samples/sites/**'] },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's describe/it return promises the runner tracks itself.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // Stages and the runner reach the world only through their context (STYLE.md).
    files: ['src/pipeline/**/*.ts', 'src/agents/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['node:child_process', 'child_process', '@anthropic-ai/sdk', 'better-sqlite3', '@duckdb/node-api'],
        patterns: ['@google-cloud/*'],
      }],
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Only bin/ and the CLI entry exit.' }],
    },
  },
);
