import { compareOnRegionalScale, explainEquivalence, translateThroughRegionalScale, weakerConfidence, type MappedLevel } from '../rules/crosswalk';
import { modelInForce } from '../rules/model-in-force';
import { checkRegionalSpan } from '../rules/regional-span';

/** The rules as pure functions, case by case. */

describe('modelInForce', () => {
  type Version = { id: string; effectiveFrom: string | null; effectiveTo: string | null };
  const v2019: Version = { id: '2019', effectiveFrom: '2019-06-01', effectiveTo: null };
  const v2025: Version = { id: '2025', effectiveFrom: '2025-04-01', effectiveTo: null };
  const closed: Version = { id: 'closed', effectiveFrom: '2010-01-01', effectiveTo: '2015-12-31' };
  const undated: Version = { id: 'undated', effectiveFrom: null, effectiveTo: null };

  it.each([
    ['before any version', [v2019], '2019-05-31', null],
    ['on the first day', [v2019], '2019-06-01', '2019'],
    ['the day before a new version', [v2019, v2025], '2025-03-31', '2019'],
    ['the first day of a new version', [v2019, v2025], '2025-04-01', '2025'],
    ['in any order given', [v2025, v2019], '2030-01-01', '2025'],
    ['on the last day of a closed version', [closed], '2015-12-31', 'closed'],
    ['after a closed version', [closed], '2016-01-01', null],
    ['an undated version on any date', [undated], '1900-01-01', 'undated'],
    ['a dated version over an undated one once started', [undated, v2019], '2020-01-01', '2019'],
    ['the undated version before the dated one starts', [undated, v2019], '2018-01-01', 'undated'],
    ['no versions', [], '2020-01-01', null],
  ] as [string, Version[], string, string | null][])('%s', (_case, versions, asOf, expected) => {
    expect(modelInForce(versions, asOf)?.id ?? null).toBe(expected);
  });
});

describe('checkRegionalSpan', () => {
  const scale = [
    { id: 'level-2', rank: 2 },
    { id: 'level-1', rank: 1 },
    { id: 'level-3', rank: 3 },
  ];
  it.each([
    ['one level', ['level-2'], ['level-2']],
    ['two adjacent levels, sorted lowest first', ['level-3', 'level-2'], ['level-2', 'level-3']],
    ['a repeated level counted once', ['level-1', 'level-1'], ['level-1']],
  ])('accepts %s', (_case, ids, expected) => {
    expect(checkRegionalSpan(ids, scale)).toEqual({ ok: true, regionalLevelIds: expected });
  });
  it.each([
    ['nothing', [], /Give one regional level/],
    ['three levels', ['level-1', 'level-2', 'level-3'], /at most two adjacent/],
    ['a gap', ['level-1', 'level-3'], /not adjacent/],
    ['an unknown level', ['level-2', 'level-7'], /Unknown regional level "level-7"/],
  ])('refuses %s', (_case, ids, problem) => {
    const result = checkRegionalSpan(ids, scale);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});

const level = (levelId: string, rank: number, regionalLevelIds: string[], confidence: MappedLevel['confidence'] = 'HIGH'): MappedLevel => ({
  levelId,
  rank,
  regionalLevelIds,
  confidence,
});
const regional = [1, 2, 3, 4].map((rank) => ({ id: `level-${rank}`, rank }));
const telford = [
  level('acute', 4, ['level-4']),
  level('universal', 1, ['level-1', 'level-2'], 'MEDIUM'),
  level('vulnerable', 2, ['level-2', 'level-3'], 'MEDIUM'),
  level('complex', 3, ['level-3']),
];

describe('compareOnRegionalScale', () => {
  it('lists each partnership level in every row it maps onto, lowest level first', () => {
    const rows = compareOnRegionalScale([...regional].reverse(), [
      { partnershipId: 'telford-and-wrekin', levels: telford },
      { partnershipId: 'empty', levels: [] },
    ]);
    expect(rows.map((row) => [row.regionalLevel.id, row.entries.map((entry) => entry.levelIds)])).toEqual([
      ['level-1', [['universal'], []]],
      ['level-2', [['universal', 'vulnerable'], []]],
      ['level-3', [['vulnerable', 'complex'], []]],
      ['level-4', [['acute'], []]],
    ]);
  });
});

describe('translateThroughRegionalScale', () => {
  it('finds every level sharing a regional level, naming exact matches and overlaps', () => {
    expect(translateThroughRegionalScale(level('l3', 3, ['level-3'], 'LOW'), telford)).toEqual([
      { levelId: 'vulnerable', sharedRegionalLevelIds: ['level-3'], match: 'OVERLAPPING', confidence: 'LOW' },
      { levelId: 'complex', sharedRegionalLevelIds: ['level-3'], match: 'SAME_REGIONAL_LEVELS', confidence: 'LOW' },
    ]);
  });
  it('treats a straddle matched by the same straddle as the same levels', () => {
    expect(translateThroughRegionalScale(level('x', 1, ['level-2', 'level-3'], 'HIGH'), telford)).toEqual([
      { levelId: 'universal', sharedRegionalLevelIds: ['level-2'], match: 'OVERLAPPING', confidence: 'MEDIUM' },
      { levelId: 'vulnerable', sharedRegionalLevelIds: ['level-2', 'level-3'], match: 'SAME_REGIONAL_LEVELS', confidence: 'MEDIUM' },
      { levelId: 'complex', sharedRegionalLevelIds: ['level-3'], match: 'OVERLAPPING', confidence: 'HIGH' },
    ]);
  });
  it('returns nothing when no level shares a regional level', () => {
    expect(translateThroughRegionalScale(level('x', 1, ['level-9']), telford)).toEqual([]);
  });
  it.each([
    ['HIGH', 'LOW', 'LOW'],
    ['MEDIUM', 'HIGH', 'MEDIUM'],
    ['HIGH', 'HIGH', 'HIGH'],
  ] as const)('takes the weaker of %s and %s', (a, b, expected) => {
    expect(weakerConfidence(a, b)).toBe(expected);
  });
});

describe('explainEquivalence', () => {
  const vulnerable = { name: 'Vulnerable', partnershipId: 'telford-and-wrekin', verified: true, rationale: 'Early help.' };
  it('joins both rationales', () => {
    expect(explainEquivalence(vulnerable, { ...vulnerable, name: 'Level 2', partnershipId: 'x' }, 'SAME_REGIONAL_LEVELS')).toBe(
      'Vulnerable (telford-and-wrekin) and Level 2 (x) sit on the same regional levels. Vulnerable: Early help. Level 2: Early help.',
    );
  });
  it('warns when either end is unverified', () => {
    const text = explainEquivalence(vulnerable, { name: 'Level 2', partnershipId: 'solihull', verified: false, rationale: 'Assumed.' }, 'OVERLAPPING');
    expect(text).toMatch(/share part of the regional scale/);
    expect(text).toMatch(/Provisional: the level names of solihull are not established/);
  });
});
