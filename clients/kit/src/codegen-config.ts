import type { CodegenConfig } from '@graphql-codegen/cli';

/** The kit's own plugin (plain JavaScript, so codegen loads it as it is): which types have an id, which are values. */
const TYPE_IDENTITIES_PLUGIN = require.resolve('@safeguarding/client-kit/codegen-plugins/type-identities.js');

/**
 * The graphql-codegen settings a front end uses against the gateway: the client preset (typed
 * documents, with `Date` as the ISO string `YYYY-MM-DD` the API sends), and `possibleTypes` for
 * Apollo Client's cache (fragments on the `AgendaSubject` union's members match only with them).
 * The kit generates with exactly this function (codegen.ts); a front end calls it from its own
 * codegen.ts with its documents.
 */
export interface FrontEndCodegenOptions {
  /** The API schema: SDL text, a .graphql file, or the gateway's URL (introspection; not in production). */
  schema: string;
  /** The front end's operations: globs of .graphql files, or of .ts/.tsx files that call `graphql(...)`. */
  documents: string[];
  /** Where the typed documents go (a folder, ending in /). */
  typedDocuments: string;
  /** The possibleTypes module for InMemoryCache (a .ts file). */
  possibleTypes: string;
  /** Also write the API schema here (for editors and graphql-eslint); optional. */
  schemaFile?: string;
  /** Also write the lists the kit's type policies are built from (typesWithId, valueTypes, lookupsById); optional. */
  typeIdentities?: string;
}

export function frontEndCodegenConfig({ schema, documents, typedDocuments, possibleTypes, schemaFile, typeIdentities }: FrontEndCodegenOptions): CodegenConfig {
  return {
    schema,
    documents,
    // A document that does not validate against the schema fails the generation, naming it.
    ignoreNoDocuments: false,
    generates: {
      ...(schemaFile ? { [schemaFile]: { plugins: ['schema-ast'], config: { includeDirectives: false } } } : {}),
      [typedDocuments]: {
        preset: 'client',
        // Apollo Client 4 masks fragments itself (dataMasking); the preset's own masking would double it.
        presetConfig: { fragmentMasking: false },
        config: {
          scalars: { Date: 'string' },
          enumsAsTypes: true,
          useTypeImports: true,
          // The types say what the query selects, `__typename` included (Apollo Client adds it to every selection).
          nonOptionalTypename: true,
          skipTypeNameForRoot: true,
          documentMode: 'documentNode',
        },
      },
      ...(typeIdentities ? { [typeIdentities]: { plugins: [TYPE_IDENTITIES_PLUGIN] } } : {}),
      [possibleTypes]: {
        plugins: ['fragment-matcher'],
        config: { apolloClientVersion: 3, useExplicitTyping: true },
      },
    },
  };
}
