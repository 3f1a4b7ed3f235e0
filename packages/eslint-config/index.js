// One lint configuration for every workspace. Each workspace's eslint.config.mjs calls these with its
// own folder, so type information comes from that workspace's tsconfig and each subgraph's SDL is
// checked as its own schema (the subgraphs define the same shared types, so one schema would clash).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import javascript from '@eslint/js';
import typescript from 'typescript-eslint';
import graphql from '@graphql-eslint/eslint-plugin';

import prettier from 'eslint-config-prettier';
import globals from 'globals';

const FEDERATION_DEFINITIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'federation.graphql');

/** What the build, codegen and tools write; never linted. */
const GENERATED = ['dist/', 'generated/', 'coverage/', 'node_modules/', '.turbo/'];
/** Hand-written declaration shims outside any tsconfig; tsc checks them where they are imported. */
const DECLARATIONS = ['**/*.d.ts'];

/**
 * typescript-eslint's type-aware recommended rules for a workspace's TypeScript, ESLint's
 * recommended rules for its JavaScript, and nothing that Prettier decides.
 */
export function typescriptConfig(workspaceDirectory) {
  // tsconfig.test.json, where there is one, covers the sources and the tests; tsconfig.json only the
  // sources. (The project service finds only files named tsconfig.json, so it would miss the tests.)
  const tsconfig = ['tsconfig.test.json', 'tsconfig.json'].find((name) => existsSync(path.join(workspaceDirectory, name)));
  return defineConfig(
    { ignores: [...GENERATED, ...DECLARATIONS] },
    {
      files: ['**/*.{js,mjs,cjs}'],
      extends: [javascript.configs.recommended],
      languageOptions: { globals: globals.node },
    },
    {
      files: ['**/*.ts'],
      extends: [javascript.configs.recommended, typescript.configs.recommendedTypeChecked],
      languageOptions: {
        parserOptions: { project: tsconfig ? [path.join(workspaceDirectory, tsconfig)] : true, tsconfigRootDir: workspaceDirectory },
      },
      rules: {
        // Apollo Server's plugin hooks and cache interfaces are async by contract, with or without anything to await.
        '@typescript-eslint/require-await': 'off',
        // A leading underscore marks a binding left unused on purpose, as tsc --noUnusedParameters already reads it.
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
        ],
      },
    },
    {
      files: ['test/**/*.ts'],
      rules: {
        // Tests read GraphQL answers as untyped JSON and assert on their shape; typing every answer would retype the SDL.
        '@typescript-eslint/no-explicit-any': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
      },
    },
    prettier,
  );
}

/**
 * graphql-eslint on a subgraph's SDL (the files under schema/), read together with the definitions
 * Apollo Federation adds at run time and `sharedDefinitions`: the federation contract's types the
 * subgraph serves, as SDL text (the subgraph passes them: this package sits below the contract).
 */
export function subgraphSchemaConfig(subgraphDirectory, sharedDefinitions) {
  const sdl = ['schema/**/*.graphql'];
  return defineConfig({
    files: sdl,
    plugins: { '@graphql-eslint': graphql },
    languageOptions: {
      parser: graphql.parser,
      parserOptions: {
        graphQLConfig: { schema: [...sdl.map((pattern) => path.join(subgraphDirectory, pattern)), FEDERATION_DEFINITIONS, sharedDefinitions] },
      },
    },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      // Every type and field a client can see says what it is.
      '@graphql-eslint/require-description': ['error', { types: true, rootField: true, FieldDefinition: true }],
      // One-line descriptions are written inline and longer ones as blocks; the rule allows only one of the two.
      '@graphql-eslint/description-style': 'off',
      // Value types (Money, SourceCitation, comparison rows) have no identity of their own; entities are keyed with @key.
      '@graphql-eslint/strict-id-in-types': 'off',
    },
  });
}
