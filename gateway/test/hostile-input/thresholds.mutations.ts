/** Thresholds's mutations under hostile input (see harness.ts). */
import fc from 'fast-check';
import type { TestFederation } from '@safeguarding/testkit';
import {
  callers,
  editorMostly,
  halfCharacter,
  hostileDate,
  type HostileInputSuite,
  hostileText,
  isoDay,
  OTHERS,
  OWN,
  plausibleText,
  trimmed,
  version,
  wrongId,
} from './harness';

interface ThresholdsIds extends Record<string, unknown> {
  /** Every partnership level (every model version): each has a crosswalk mapping. */
  levels: string[];
  /** The regional scale, lowest first. */
  regionalLevels: string[];
  /** Published versions: immutable, so every change of them is refused. */
  publishedModels: string[];
  /** Drafts of the own partnership (shropshire) made for the suite: one to edit, some to discard, one ready to publish. */
  draftToEdit: string[];
  draftsToDiscard: string[];
  draftToPublish: string[];
  /** The own partnership's thresholds pack section as exported when the suite starts. */
  packText: string[];
}

/** A draft's version as its partnership's administrator reads it (drafts are hidden from everyone else). */
const modelVersion = async (federation: TestFederation, id: unknown) => {
  if (typeof id !== 'string') return undefined;
  const response = await federation.query(`query ($id: ID!) { thresholdModel(id: $id) { version } }`, { variables: { id }, as: callers.ownAdmin });
  return (response.data?.thresholdModel as { version: number } | null)?.version;
};

/** A draft the suite starts from: two levels, both on the regional scale, in force from `effectiveFrom`. */
const suiteDraft = (code: string, effectiveFrom: string) => ({
  code,
  title: `Property suite draft ${code}`,
  effectiveFrom,
  levels: [
    {
      code: 'lower',
      rank: 1,
      name: 'Lower',
      responses: [],
      indicators: ['An indicator.'],
      crosswalk: { regionalLevelIds: ['level-1'], rationale: 'Suite.', confidence: 'LOW' },
    },
    {
      code: 'higher',
      rank: 2,
      name: 'Higher',
      responses: [],
      indicators: [],
      crosswalk: { regionalLevelIds: ['level-3', 'level-4'], rationale: 'Suite.', confidence: 'LOW' },
    },
  ],
});

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

/** Mostly a slug (sometimes one already used), sometimes hostile. */
const versionCode = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/), weight: 6 },
  { arbitrary: fc.constantFrom('2017', 'suite-edit', 'UPPER', 'has.dot', 'x'.repeat(41)), weight: 1 },
  { arbitrary: hostileText, weight: 2 },
);
/** A date a new version could plausibly come into force on: after every seeded and suite version. */
const plausibleDate = fc.date({ min: new Date('2030-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map(isoDay);
const optionalText = fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: plausibleText, weight: 3 }, { arbitrary: hostileText, weight: 2 });
const frontDoor = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  {
    arbitrary: fc.record({
      name: fc.oneof(plausibleText, hostileText),
      kind: fc.oneof(plausibleText, hostileText),
      servesChildren: fc.boolean(),
      servesAdults: fc.boolean(),
      description: fc.oneof(plausibleText, hostileText, halfCharacter),
    }),
    weight: 3,
  },
);
/** Mostly a good set of levels, sometimes generated ones (ranks, codes and names often wrong). */
const levels = (ids: ThresholdsIds) =>
  fc.oneof(
    { arbitrary: fc.constant(suiteDraft('x', '2030-01-01').levels), weight: 4 },
    {
      arbitrary: fc.array(
        fc.record({
          code: fc.oneof(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), hostileText),
          rank: fc.integer({ min: -1, max: 4 }),
          name: fc.oneof(plausibleText, hostileText),
          responses: fc.constantFrom([], ['UNIVERSAL_SERVICES'], ['CHILD_PROTECTION', 'CHILD_PROTECTION']),
          indicators: fc.array(fc.oneof(plausibleText, hostileText, halfCharacter), { maxLength: 2 }),
          crosswalk: fc.option(
            fc.record({ regionalLevelIds: regionalLevelIds(ids), rationale: fc.oneof(plausibleText, hostileText), confidence: fc.constantFrom('HIGH', 'LOW') }),
          ),
        }),
        { maxLength: 4 },
      ),
      weight: 3,
    },
  );
const MODEL_FIELDS =
  'id title documentVersion approvedOn effectiveFrom effectiveTo status version levels { code rank name indicators { text } crosswalk { version } }';
const expectStoredLevels = (sent: Record<string, any>[], stored: Record<string, any>[]) => {
  expect(stored.map((level) => [level.code, level.rank, level.name, level.indicators.map((i: { text: string }) => i.text)])).toEqual(
    sent.map((level) => [level.code, level.rank, trimmed(level.name), level.indicators.map(trimmed)]),
  );
};
const draftId = (ids: ThresholdsIds, mine: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...mine), weight: 6 },
    { arbitrary: fc.constantFrom(...ids.publishedModels), weight: 2 },
    { arbitrary: wrongId, weight: 1 },
  );

/** The exported text with one value replaced by generated text (as a YAML double-quoted string, JSON's escapes being YAML's). */
const packTextWith = (text: string, key: 'note' | 'title' | 'rationale', value: string) =>
  text.replace(new RegExp(`(\\n\\s*${key}: ).*`), (_line, prefix: string) => `${prefix}${JSON.stringify(value)}`);
const PACK_ENTITIES = ['ThresholdModel', 'ThresholdLevel', 'ThresholdIndicator', 'CrosswalkMapping', 'RegionalLevel'];

export const thresholdsSuite: HostileInputSuite<ThresholdsIds> = {
  only: ['thresholds'],
  async loadIds(federation) {
    const response = await federation.query(`{ thresholdModels(allVersions: true) { id levels { id } } regionalLevels { id } }`);
    if (response.errors) throw new Error(`Loading threshold levels failed: ${JSON.stringify(response.errors)}`);
    const drafted: string[] = [];
    for (const [code, effectiveFrom] of [
      ['suite-edit', '2028-04-01'],
      ['suite-discard-1', '2028-05-01'],
      ['suite-discard-2', '2028-06-01'],
      ['suite-discard-3', '2028-07-01'],
      ['suite-publish', '2028-09-01'],
    ]) {
      const draft = await federation.query(
        `mutation ($slug: String!, $input: ThresholdModelDraftInput!) { draftThresholdModelVersion(partnershipSlug: $slug, input: $input) { id } }`,
        { variables: { slug: OWN, input: suiteDraft(code!, effectiveFrom!) }, as: callers.ownAdmin },
      );
      if (draft.errors) throw new Error(`Drafting a threshold model for the suite failed: ${JSON.stringify(draft.errors)}`);
      drafted.push(draft.data!.draftThresholdModelVersion.id as string);
    }
    const pack = await federation.query(`{ thresholdsPackSection(scope: "${OWN}") { text } }`, { as: callers.regionalAdmin });
    if (pack.errors) throw new Error(`Exporting the thresholds pack section for the suite failed: ${JSON.stringify(pack.errors)}`);
    const models = response.data!.thresholdModels as { id: string; levels: { id: string }[] }[];
    return {
      packText: [pack.data!.thresholdsPackSection.text as string],
      levels: models.flatMap((model) => model.levels.map((level) => level.id)),
      regionalLevels: (response.data!.regionalLevels as { id: string }[]).map((level) => level.id),
      publishedModels: models.map((model) => model.id),
      draftToEdit: drafted.slice(0, 1),
      draftsToDiscard: drafted.slice(1, 4),
      draftToPublish: drafted.slice(4),
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
    {
      name: 'draftThresholdModelVersion',
      schema: 'thresholds',
      document: `mutation ($partnershipSlug: String!, $input: ThresholdModelDraftInput!) {
        draftThresholdModelVersion(partnershipSlug: $partnershipSlug, input: $input) { ${MODEL_FIELDS} }
      }`,
      call: (ids) =>
        fc.record({
          // The own partnership's administrators only.
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            partnershipSlug: fc.oneof(
              { arbitrary: fc.constant(OWN), weight: 8 },
              { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            // Half the time a plausible version, so accepted drafts are checked too; else anything.
            input: fc.oneof(
              {
                arbitrary: fc.record({
                  code: fc.stringMatching(/^[a-z][a-z0-9-]{3,11}$/),
                  title: plausibleText,
                  documentVersion: fc.option(fc.constantFrom('v1.0', 'v2')),
                  approvedOn: fc.constant(null),
                  effectiveFrom: plausibleDate,
                  effectiveTo: fc.constant(null),
                  frontDoor,
                  levels: fc.constant(suiteDraft('x', '2030-01-01').levels),
                  sourceDocument: fc.option(plausibleText),
                }),
                weight: 1,
              },
              {
                arbitrary: fc.record({
                  code: versionCode,
                  title: fc.oneof({ arbitrary: plausibleText, weight: 3 }, { arbitrary: hostileText, weight: 2 }, { arbitrary: halfCharacter, weight: 1 }),
                  documentVersion: optionalText,
                  approvedOn: fc.option(hostileDate),
                  effectiveFrom: hostileDate,
                  effectiveTo: fc.option(hostileDate),
                  frontDoor,
                  levels: levels(ids),
                  sourceDocument: optionalText,
                }),
                weight: 1,
              },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const model = data.draftThresholdModelVersion;
        expect(model).toMatchObject({
          id: `${variables.partnershipSlug}.${input.code}`,
          title: trimmed(input.title),
          documentVersion: trimmed(input.documentVersion),
          approvedOn: input.approvedOn,
          effectiveFrom: input.effectiveFrom,
          effectiveTo: input.effectiveTo,
          status: 'DRAFT',
          version: 1,
        });
        expectStoredLevels(input.levels, model.levels);
      },
    },
    {
      name: 'updateThresholdModelDraft',
      schema: 'thresholds',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $input: ThresholdModelDraftChanges!) {
        updateThresholdModelDraft(id: $id, expectedVersion: $expectedVersion, input: $input) { ${MODEL_FIELDS} }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: draftId(ids, ids.draftToEdit),
            expectedVersion: version,
            // Half the time one or two plausible changes, so accepted edits are checked too; else anything.
            input: fc.oneof(
              {
                arbitrary: fc.record(
                  { title: plausibleText, documentVersion: fc.option(fc.constantFrom('v1.1', 'v3')), sourceDocument: fc.option(plausibleText), frontDoor },
                  { requiredKeys: ['title'] },
                ),
                weight: 1,
              },
              {
                arbitrary: fc.record(
                  {
                    title: fc.oneof(plausibleText, hostileText, halfCharacter),
                    documentVersion: optionalText,
                    approvedOn: fc.option(hostileDate),
                    effectiveFrom: hostileDate,
                    effectiveTo: fc.option(hostileDate),
                    frontDoor,
                    levels: levels(ids),
                    sourceDocument: optionalText,
                  },
                  { requiredKeys: [] },
                ),
                weight: 1,
              },
            ),
          }),
        }),
      currentVersion: (federation, variables) => modelVersion(federation, variables.id),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const model = data.updateThresholdModelDraft;
        expect(model.id).toBe(variables.id);
        expect(model.status).toBe('DRAFT');
        expect(model.version).toBe(variables.expectedVersion + 1);
        for (const field of ['title', 'documentVersion', 'approvedOn', 'effectiveFrom', 'effectiveTo'])
          if (field in input) expect(model[field]).toBe(trimmed(input[field]));
        if (input.levels) expectStoredLevels(input.levels, model.levels);
      },
    },
    {
      name: 'discardThresholdModelDraft',
      schema: 'thresholds',
      document: `mutation ($id: ID!, $expectedVersion: Int!) { discardThresholdModelDraft(id: $id, expectedVersion: $expectedVersion) }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({ id: draftId(ids, ids.draftsToDiscard), expectedVersion: version }),
        }),
      currentVersion: (federation, variables) => modelVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.discardThresholdModelDraft).toBe(variables.id);
      },
    },
    {
      name: 'publishThresholdModelVersion',
      schema: 'thresholds',
      document: `mutation ($id: ID!, $expectedVersion: Int!) { publishThresholdModelVersion(id: $id, expectedVersion: $expectedVersion) { ${MODEL_FIELDS} } }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({ id: draftId(ids, [...ids.draftToPublish, ...ids.draftToEdit]), expectedVersion: version }),
        }),
      currentVersion: (federation, variables) => modelVersion(federation, variables.id),
      accepted(variables, data) {
        const model = data.publishThresholdModelVersion;
        expect(model.id).toBe(variables.id);
        expect(model.status).toBe('PUBLISHED');
        expect(model.version).toBe(variables.expectedVersion + 1);
      },
    },
    {
      name: 'applyThresholdsPackSection',
      schema: 'thresholds',
      document: `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
        applyThresholdsPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
      }`,
      call: (ids) =>
        fc.record({
          // The own partnership's administrators (a published level's placement: regional administrators only).
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            scope: fc.oneof(
              { arbitrary: fc.constant(OWN), weight: 8 },
              { arbitrary: fc.constantFrom(...OTHERS, 'regional'), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            text: fc.oneof(
              // As exported (no change, or undoing an earlier accepted call); a note (correctable), a
              // published title (immutable) or a placement's rationale (regional administrators') replaced; or anything.
              { arbitrary: fc.constantFrom(...ids.packText), weight: 2 },
              {
                arbitrary: fc
                  .tuple(fc.constantFrom(...ids.packText), fc.oneof(plausibleText, hostileText, halfCharacter))
                  .map(([text, value]) => packTextWith(text, 'note', value)),
                weight: 3,
              },
              {
                arbitrary: fc
                  .tuple(fc.constantFrom(...ids.packText), fc.oneof(plausibleText, hostileText))
                  .map(([text, value]) => packTextWith(text, 'title', value)),
                weight: 1,
              },
              {
                arbitrary: fc
                  .tuple(fc.constantFrom(...ids.packText), fc.oneof(plausibleText, hostileText))
                  .map(([text, value]) => packTextWith(text, 'rationale', value)),
                weight: 1,
              },
              { arbitrary: fc.oneof(hostileText, halfCharacter), weight: 2 },
            ),
            dryRun: fc.boolean(),
          }),
        }),
      accepted(variables, data) {
        const applied = data.applyThresholdsPackSection;
        expect(applied).toMatchObject({ scope: variables.scope, section: 'thresholds', applied: !variables.dryRun });
        for (const change of applied.changes) expect(PACK_ENTITIES).toContain(change.entity);
      },
    },
  ],
};
