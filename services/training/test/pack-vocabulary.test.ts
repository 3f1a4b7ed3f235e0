import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { TRAINING_AUDIENCES, TRAINING_DELIVERY_METHODS, TRAINING_LEARNING_SOURCES, TRAINING_LEVELS } from '@safeguarding/packs';

/**
 * The pack's section (packages/packs, which may not import a subgraph) lists the values of the
 * training SDL's enumerations: a value added to the SDL and not to the pack (or the other way)
 * would make a course the API accepts unloadable from a pack, so the two are compared here.
 */
const sdl = parse(fs.readFileSync(path.join(__dirname, '..', 'schema', 'programme.graphql'), 'utf8'));
const valuesOf = (name: string) =>
  (sdl.definitions.find((definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === name) as EnumTypeDefinitionNode)
    .values!.map((value) => value.name.value)
    .sort();

it.each([
  ['TrainingAudience', TRAINING_AUDIENCES],
  ['TrainingLevel', TRAINING_LEVELS],
  ['DeliveryMethod', TRAINING_DELIVERY_METHODS],
  ['LearningSource', TRAINING_LEARNING_SOURCES],
])("the pack's %s values are the SDL's", (name, values) => {
  expect([...values].sort()).toEqual(valuesOf(name));
});
