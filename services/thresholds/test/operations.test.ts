import { openSeededSubgraphDatabase, type SeededSubgraphDatabase, grant } from '@safeguarding/testkit';
import type { Caller } from '@safeguarding/auth';
import type { DataSource } from 'typeorm';
import type { ThresholdsOperationContext } from '../context';
import { thresholdsSubgraph } from '../index';
import { createLoaders } from '../loaders';
import { compareThresholds, translateLevel, updateCrosswalkMapping } from '../operations/crosswalk';

/** Operations called as a script would call them: no gateway, no GraphQL, the seeded models. */
let subgraphDatabase: SeededSubgraphDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  subgraphDatabase = await openSeededSubgraphDatabase(thresholdsSubgraph);
  dataSource = subgraphDatabase.dataSource;
});
afterAll(() => subgraphDatabase?.close());

const reading = (): ThresholdsOperationContext => ({ caller: { subject: 'test-user', grants: [] }, dataSource, loaders: createLoaders(dataSource) });

it('lines the seeded models up on the regional scale, straddling levels in both rows', async () => {
  const rows = await compareThresholds(['telford-and-wrekin', 'shropshire'], '2025-01-24', reading());
  expect(rows.map((row) => [row.regionalLevel.id, row.entries.map((entry) => `${entry.partnershipId}: ${entry.levelIds.join(' + ')}`)])).toEqual([
    ['level-1', ['telford-and-wrekin: telford-and-wrekin.2019.universal', 'shropshire: shropshire.2017.level-1']],
    ['level-2', ['telford-and-wrekin: telford-and-wrekin.2019.universal + telford-and-wrekin.2019.vulnerable', 'shropshire: shropshire.2017.level-2']],
    ['level-3', ['telford-and-wrekin: telford-and-wrekin.2019.vulnerable + telford-and-wrekin.2019.complex', 'shropshire: shropshire.2017.level-3']],
    ['level-4', ['telford-and-wrekin: telford-and-wrekin.2019.acute', 'shropshire: shropshire.2017.level-4']],
  ]);
  expect(rows[0]!.entries[0]!.model.id).toBe('telford-and-wrekin.2019');
});

it('translates Telford & Wrekin Vulnerable to Shropshire Levels 2 and 3, provisionally', async () => {
  const translation = await translateLevel(
    { fromPartnershipId: 'telford-and-wrekin', level: 'vulnerable', toPartnershipId: 'shropshire', asOf: '2025-01-24' },
    reading().loaders,
  );
  expect(translation.from.name).toBe('Vulnerable');
  expect(translation.regionalLevelIds).toEqual(['level-2', 'level-3']);
  expect(translation.toModel.id).toBe('shropshire.2017');
  expect(translation.equivalents.map((equivalent) => [equivalent.levelId, equivalent.match, equivalent.sharedRegionalLevelIds, equivalent.confidence])).toEqual(
    [
      ['shropshire.2017.level-2', 'OVERLAPPING', ['level-2'], 'LOW'],
      ['shropshire.2017.level-3', 'OVERLAPPING', ['level-3'], 'LOW'],
    ],
  );
  expect(translation.equivalents[0]!.rationale).toMatch(/^Vulnerable \(telford-and-wrekin\) and Level 2 \(shropshire\) share part of the regional scale\./);
});

it('edits a mapping from the version read, and refuses an edit from a stale version', async () => {
  const editor: Caller = { subject: 'regional-admin-1', grants: [grant('regional-admin')] };
  const edit = {
    levelId: 'telford-and-wrekin.2019.complex',
    expectedVersion: 1,
    regionalLevelIds: ['level-3', 'level-4'],
    rationale: 'Straddles for the test.',
    confidence: 'LOW' as const,
  };
  const edited = await updateCrosswalkMapping(editor, edit, reading());
  expect(edited).toMatchObject({
    regionalLevelIds: ['level-3', 'level-4'],
    rationale: 'Straddles for the test.',
    confidence: 'LOW',
    version: 2,
    editedBy: 'regional-admin-1',
  });
  await expect(updateCrosswalkMapping(editor, edit, reading())).rejects.toThrow(
    'The mapping for "telford-and-wrekin.2019.complex" was changed by someone else since version 1; read it again and reapply your edit.',
  );
});
