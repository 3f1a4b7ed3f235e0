import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { ThresholdModelEntity } from '../entities';
import { insertThresholdModel, type ThresholdModelSeed } from '../seed/load';

/** The statement count of a deeply nested query does not grow with the number of rows. */
let federation: TestFederation;
beforeAll(async () => {
  // arrangements for Partnership, which the drafts list hangs from.
  federation = await startTestFederation({ only: ['arrangements', 'thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

/**
 * Two nested queries, counted one at a time: root fields of one operation run concurrently, so
 * whether their loaders share a batch would depend on database timing, not on the row count.
 */
const MODELS = `{
  thresholdModels(allVersions: true) {
    id
    levels {
      name
      model { id }
      indicators { text level { name } }
      crosswalk { regionalLevels { name } level { code } }
    }
  }
}`;
const COMPARISON = `{
  compareThresholds(partnershipSlugs: ["telford-and-wrekin", "shropshire", "solihull"]) {
    regionalLevel { name }
    entries { model { id } levels { name indicators { text } crosswalk { confidence regionalLevels { id } } } }
  }
}`;

async function countBoth(): Promise<{ count: number; models: Record<string, any> }> {
  let models: Record<string, any> | undefined;
  let comparison: Record<string, any> | undefined;
  const count =
    (await federation.countStatements(async () => {
      models = await federation.query(MODELS);
    })) +
    (await federation.countStatements(async () => {
      comparison = await federation.query(COMPARISON);
    }));
  expect(models!.errors).toBeUndefined();
  expect(comparison!.errors).toBeUndefined();
  return { count, models: models!.data };
}

const synthetic = { document: 'synthetic', section: 'statement-count test', synthetic: true };
let added = 0;

/** Synthetic model versions for a synthetic partnership: three levels, two indicators each. */
async function addSyntheticModels(count: number): Promise<void> {
  const dataSource = federation.dataSources.thresholds!;
  await dataSource.transaction(async (manager) => {
    for (let index = 0; index < count; index += 1) {
      added += 1;
      const model: ThresholdModelSeed = {
        id: `synthetic.${added}`,
        partnershipId: `synthetic-${added}`,
        title: `Synthetic model ${added}`,
        documentVersion: null,
        approvedOn: null,
        effectiveFrom: '2020-01-01',
        effectiveTo: null,
        verified: false,
        provenance: 'Synthetic.',
        frontDoor: null,
        source: synthetic,
        levels: [1, 2, 3].map((rank) => ({
          code: `level-${rank}`,
          rank,
          name: `Synthetic level ${rank}`,
          descriptor: null,
          responses: [],
          assessmentRequired: null,
          ledBy: null,
          verified: false,
          provenance: 'Synthetic.',
          source: synthetic,
          indicators: [
            { text: `Synthetic need ${rank}a`, source: synthetic },
            { text: `Synthetic need ${rank}b`, source: synthetic },
          ],
          crosswalk: { regionalLevelIds: [`level-${rank}`, `level-${rank + 1}`], rationale: 'Synthetic.', confidence: 'LOW' as const, source: synthetic },
        })),
      };
      await insertThresholdModel(manager, model);
    }
  });
}

it('issues the same number of SQL statements for ten times the models, levels and indicators', async () => {
  await addSyntheticModels(2);
  const small = await countBoth();
  const smallLevels = small.models.thresholdModels.flatMap((m: { levels: unknown[] }) => m.levels).length;

  await addSyntheticModels(smallLevels * 10);
  const large = await countBoth();
  const largeLevels = large.models.thresholdModels.flatMap((m: { levels: unknown[] }) => m.levels).length;

  expect(largeLevels).toBeGreaterThanOrEqual(smallLevels * 10);
  expect(large.count).toBe(small.count);
  const syntheticLevel = large.models.thresholdModels.find((m: { id: string }) => m.id === 'synthetic.1').levels[0];
  expect(syntheticLevel.indicators.map((i: { text: string }) => i.text)).toEqual(['Synthetic need 1a', 'Synthetic need 1b']);
  expect(syntheticLevel.crosswalk.regionalLevels.map((r: { name: string }) => r.name)).toEqual([
    'Level 1: Universal support',
    'Level 2: Additional support (single agency)',
  ]);
});

/** Draft versions of one partnership, as its administrator lists them: drafts, levels, indicators, mappings, viewerCan fields. */
const DRAFTS = `{
  partnership(slug: "telford-and-wrekin") {
    thresholdModelDrafts {
      id
      viewerCanEdit
      viewerCanPublish
      levels { name model { id } indicators { text } crosswalk { version viewerCanEdit regionalLevels { id } } }
    }
  }
}`;
let drafted = 0;

async function addSyntheticDrafts(count: number): Promise<void> {
  const dataSource = federation.dataSources.thresholds!;
  await dataSource.transaction(async (manager) => {
    for (let index = 0; index < count; index += 1) {
      drafted += 1;
      const id = `telford-and-wrekin.synthetic-draft-${drafted}`;
      await insertThresholdModel(manager, {
        id,
        partnershipId: 'telford-and-wrekin',
        title: `Synthetic draft ${drafted}`,
        documentVersion: null,
        approvedOn: null,
        // Distinct starts: the row is published until the update below makes it a draft.
        effectiveFrom: `${2040 + drafted}-01-01`,
        effectiveTo: null,
        verified: true,
        provenance: 'Synthetic.',
        frontDoor: null,
        source: synthetic,
        levels: [1, 2].map((rank) => ({
          code: `level-${rank}`,
          rank,
          name: `Synthetic draft level ${rank}`,
          descriptor: null,
          responses: [],
          assessmentRequired: null,
          ledBy: null,
          verified: true,
          provenance: 'Synthetic.',
          source: synthetic,
          indicators: [{ text: `Synthetic draft need ${rank}`, source: synthetic }],
          crosswalk: { regionalLevelIds: [`level-${rank}`], rationale: 'Synthetic.', confidence: 'LOW' as const, source: synthetic },
        })),
      });
      await manager.update(ThresholdModelEntity, { id }, { status: 'DRAFT' });
    }
  });
}

it("lists a partnership's drafts with the same number of SQL statements for ten times the drafts", async () => {
  const as = [grant('partnership-admin', 'telford-and-wrekin')];
  const count = async () => {
    let response: Record<string, any> | undefined;
    const statements = await federation.countStatements(async () => {
      response = await federation.query(DRAFTS, { as });
    });
    expect(response!.errors).toBeUndefined();
    return { statements, drafts: response!.data.partnership.thresholdModelDrafts as { id: string; viewerCanPublish: boolean }[] };
  };
  await addSyntheticDrafts(2);
  const small = await count();
  await addSyntheticDrafts(20);
  const large = await count();
  expect(small.drafts).toHaveLength(2);
  expect(large.drafts).toHaveLength(22);
  expect(large.drafts.every((draft) => draft.viewerCanPublish)).toBe(true);
  expect(large.statements).toBe(small.statements);
});
