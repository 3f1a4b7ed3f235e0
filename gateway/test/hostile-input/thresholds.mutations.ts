/** Thresholds's mutations under hostile input (see harness.ts). */
import fc from 'fast-check';
import type { TestFederation } from '@safeguarding/testkit';
import { callers, editorMostly, halfCharacter, type HostileInputSuite, hostileText, plausibleText, trimmed, version, wrongId } from './harness';

interface ThresholdsIds extends Record<string, unknown> {
  /** Every partnership level (every model version): each has a crosswalk mapping. */
  levels: string[];
  /** The regional scale, lowest first. */
  regionalLevels: string[];
}

/** A level id is <model-id>.<code>, and the model id itself has dots (telford-and-wrekin.2019). */
const mappingVersion = async (federation: TestFederation, levelId: unknown) => {
  if (typeof levelId !== 'string' || !levelId.includes('.')) return undefined;
  const response = await federation.query(`query ($id: ID!) { thresholdModel(id: $id) { levels { id crosswalk { version } } } }`, {
    variables: { id: levelId.slice(0, levelId.lastIndexOf('.')) },
  });
  const levels = (response.data?.thresholdModel?.levels ?? []) as { id: string; crosswalk: { version: number } | null }[];
  return levels.find((level) => level.id === levelId)?.crosswalk?.version;
};

/** Mostly one level or two adjacent ones (in either order), sometimes too many, none, non-adjacent or unknown. */
const regionalLevelIds = (ids: ThresholdsIds) => {
  const scale = ids.regionalLevels;
  const adjacent = fc
    .integer({ min: 0, max: scale.length - 2 })
    .chain((index) => fc.shuffledSubarray([scale[index]!, scale[index + 1]!], { minLength: 2, maxLength: 2 }));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...scale).map((id) => [id]), weight: 5 },
    { arbitrary: adjacent, weight: 4 },
    { arbitrary: fc.constantFrom(...scale).map((id) => [id, id]), weight: 1 },
    { arbitrary: fc.shuffledSubarray(scale, { minLength: 0, maxLength: scale.length }), weight: 1 },
    {
      arbitrary: fc.array(fc.oneof(fc.constantFrom(...scale), wrongId, fc.constantFrom('LEVEL-1', 'level-0', 'level-5', ' level-1')), {
        minLength: 1,
        maxLength: 3,
      }),
      weight: 2,
    },
  );
};

export const thresholdsSuite: HostileInputSuite<ThresholdsIds> = {
  only: ['thresholds'],
  async loadIds(federation) {
    const response = await federation.query(`{ thresholdModels(allVersions: true) { levels { id } } regionalLevels { id } }`);
    if (response.errors) throw new Error(`Loading threshold levels failed: ${JSON.stringify(response.errors)}`);
    return {
      levels: (response.data!.thresholdModels as { levels: { id: string }[] }[]).flatMap((model) => model.levels.map((level) => level.id)),
      regionalLevels: (response.data!.regionalLevels as { id: string }[]).map((level) => level.id),
    };
  },
  mutations: [
    {
      name: 'updateCrosswalkMapping',
      schema: 'thresholds',
      document: `mutation ($levelId: ID!, $expectedVersion: Int!, $input: CrosswalkMappingInput!) {
        updateCrosswalkMapping(levelId: $levelId, expectedVersion: $expectedVersion, input: $input) {
          level { id } regionalLevels { id } straddles rationale confidence version editedAt
        }
      }`,
      call: (ids) =>
        fc.record({
          // Regional administrators only; every other caller is refused.
          as: editorMostly(callers.regionalAdmin),
          variables: fc.record({
            levelId: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.levels), weight: 9 },
              { arbitrary: fc.constantFrom(...ids.levels).map((id) => id.toUpperCase()), weight: 1 },
              { arbitrary: fc.constantFrom(...ids.regionalLevels), weight: 1 },
              { arbitrary: wrongId, weight: 2 },
            ),
            expectedVersion: version,
            input: fc.record({
              regionalLevelIds: regionalLevelIds(ids),
              // Up to and just past the 2000-character limit, as well as hostile text.
              rationale: fc.oneof(
                { arbitrary: hostileText, weight: 4 },
                { arbitrary: plausibleText, weight: 3 },
                { arbitrary: halfCharacter, weight: 1 },
                { arbitrary: fc.integer({ min: 1990, max: 2010 }).map((length) => 'r'.repeat(length)), weight: 1 },
              ),
              confidence: fc.oneof(
                { arbitrary: fc.constantFrom('HIGH', 'MEDIUM', 'LOW'), weight: 6 },
                { arbitrary: fc.constantFrom('CERTAIN', 'high', ''), weight: 1 },
              ),
            }),
          }),
        }),
      currentVersion: (federation, variables) => mappingVersion(federation, variables.levelId),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const mapping = data.updateCrosswalkMapping;
        // Stored lowest first; the regional ids are level-<rank>.
        const rank = (id: string) => Number(id.replace('level-', ''));
        const expected = [...new Set(input.regionalLevelIds as string[])].sort((a, b) => rank(a) - rank(b));
        expect(mapping.level.id).toBe(variables.levelId);
        expect(mapping.regionalLevels.map((level: { id: string }) => level.id)).toEqual(expected);
        expect(mapping.straddles).toBe(expected.length === 2);
        expect(mapping.rationale).toBe(trimmed(input.rationale));
        expect(mapping.confidence).toBe(input.confidence);
        expect(mapping.version).toBe(variables.expectedVersion + 1);
        expect(mapping.editedAt).not.toBeNull();
      },
    },
  ],
};
