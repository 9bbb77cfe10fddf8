// Lint: typescript-eslint recommended, plus a hard ban on HTML sinks in product code (page text must never reach them).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const htmlSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Never assign HTML: render page text as text (Preact or textContent).',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString|setHTMLUnsafe)$/]',
    message: 'HTML-parsing sinks are banned in product code.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'document.write is banned.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'dangerouslySetInnerHTML is banned.',
  },
  {
    selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
    message: 'No dynamic code.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output*/**',
      '.wxt/**',
      'dist/**',
      'node_modules/**',
      'tests/fixtures/**',
      'coverage/**',
      '.bench-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Read text, not HTML.' },
        { property: 'outerHTML', message: 'Read text, not HTML.' },
      ],
    },
  },
  {
    files: ['tests/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-syntax': 'off',
      'no-restricted-properties': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
