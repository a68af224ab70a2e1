import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, defineAppConfig: 'readonly', definePageConfig: 'readonly' },
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The domain is the contract between app and server: pure TypeScript, no framework.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@tarojs/*',
            'react',
            'react-dom',
            '@nutui/*',
            'fastify',
            'kysely',
            '@sinclair/*',
          ],
        },
      ],
    },
  },
  {
    files: [
      'server/**/*.ts',
      'tests/**/*.{ts,tsx}',
      'config/**/*.ts',
      'bench/**/*.ts',
      '*.{js,mjs}',
      'config/**/*.js',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS: jest's and babel's configs, and Taro plugins (which Taro loads with require).
    files: ['*.js', 'config/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
