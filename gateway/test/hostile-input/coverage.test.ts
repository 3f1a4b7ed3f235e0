/**
 * The property suite covers every mutation: a mutation in the supergraph without an entry in its
 * subgraph's table (<subgraph>.mutations.ts) fails here, so a new mutation needs one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { arrangementsSuite } from './arrangements.mutations';
import { membershipSuite } from './membership.mutations';
import { reviewsSuite } from './reviews.mutations';
import { thresholdsSuite } from './thresholds.mutations';
import { trainingSuite } from './training.mutations';

const SUITES = [arrangementsSuite, membershipSuite, reviewsSuite, trainingSuite, thresholdsSuite];

function supergraphMutations(): string[] {
  const document = parse(fs.readFileSync(path.join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8'));
  const mutation = document.definitions.find(
    (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Mutation',
  );
  return (mutation?.fields ?? []).map((field) => field.name.value).sort();
}

it('has a hostile-input entry for every mutation the supergraph offers, and none for a mutation it does not', () => {
  const covered = SUITES.flatMap((suite) => suite.mutations.map((mutation) => mutation.name)).sort();
  expect(new Set(covered).size).toBe(covered.length);
  expect(covered).toEqual(supergraphMutations());
});
