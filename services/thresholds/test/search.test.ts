import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { ThresholdIndicatorEntity } from '../entities';

/** Full-text search over the seeded indicators (003's words), ranked by PostgreSQL's ts_rank. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

const SEARCH = `query ($text: String!, $partnershipSlug: String, $limit: Int) {
  searchIndicators(text: $text, partnershipSlug: $partnershipSlug, limit: $limit) {
    rank
    indicator { id text source { document } level { name model { partnershipSlug } } }
  }
}`;

type Result = {
  rank: number;
  indicator: { id: string; text: string; source: { document: string }; level: { name: string; model: { partnershipSlug: string } } };
};

const search = async (variables: Record<string, unknown>): Promise<Result[]> => {
  const { data, errors } = await federation.query(SEARCH, { variables });
  expect(errors).toBeUndefined();
  return data!.searchIndicators;
};

describe('searchIndicators', () => {
  it('ranks the indicator matching both alternatives above those matching one', async () => {
    const results = await search({ text: 'early help or family' });
    expect(results.map((r) => r.indicator.id)).toEqual([
      'telford-and-wrekin.2019.complex.2',
      'telford-and-wrekin.2019.vulnerable.1',
      'telford-and-wrekin.2019.universal.2',
    ]);
    expect(results.map((r) => r.indicator.level.name)).toEqual(['Complex', 'Vulnerable', 'Universal']);
    expect(results[0]!.indicator.text).toBe(
      'Needs that require a multi-agency response from both Early Help and targeted support services, with an Early Help Assessment and a Team Around the Family.',
    );
    expect(results[0]!.indicator.source.document).toBe('003_b1549964c7b91fcb.txt');
    // Best first, and strictly: the one matching both alternatives outranks the others.
    expect(results[0]!.rank).toBeGreaterThan(results[1]!.rank);
    expect(results[1]!.rank).toBeGreaterThanOrEqual(results[2]!.rank);
    expect(results[2]!.rank).toBeGreaterThan(0);
  });

  it('matches by stem and by quoted phrase', async () => {
    const stems = await search({ text: 'vulnerabilities' });
    expect(stems.map((r) => r.indicator.text)).toEqual(['Children with acute and enduring needs at the highest level of vulnerability.']);
    const phrase = await search({ text: '"team around the family"' });
    expect(phrase.map((r) => r.indicator.id)).toEqual(['telford-and-wrekin.2019.complex.2']);
    const excluded = await search({ text: 'early help -family' });
    expect(excluded.map((r) => r.indicator.id)).toEqual(['telford-and-wrekin.2019.vulnerable.1']);
  });

  it('filters by partnership and honours the limit', async () => {
    expect(await search({ text: 'children', partnershipSlug: 'shropshire' })).toEqual([]);
    const telford = await search({ text: 'children', partnershipSlug: 'telford-and-wrekin' });
    expect(telford.length).toBeGreaterThanOrEqual(4);
    expect(telford.every((r) => r.indicator.level.model.partnershipSlug === 'telford-and-wrekin')).toBe(true);
    expect(await search({ text: 'children', limit: 2 })).toHaveLength(2);
  });

  it('returns nothing, without error, for words that match nothing or only stop words', async () => {
    expect(await search({ text: 'zebra' })).toEqual([]);
    expect(await search({ text: 'the and of' })).toEqual([]);
  });

  it('treats the text as words to find, never as SQL or tsquery syntax', async () => {
    const repository = federation.dataSources.thresholds!.getRepository(ThresholdIndicatorEntity);
    const before = await repository.count();
    for (const text of ["'); DROP TABLE threshold_indicator; --", 'acute & | ! :* (', "acute' OR '1'='1"]) {
      const { errors } = await federation.query(SEARCH, { variables: { text } });
      expect(errors).toBeUndefined();
    }
    expect(await repository.count()).toBe(before);
    expect(before).toBe(8);
  });

  it.each([
    ['empty text', { text: '' }, /text must not be empty/],
    ['blank text', { text: '   ' }, /text must not be empty/],
    ['over-long text', { text: 'need '.repeat(41) }, /at most 200/],
    ['a malformed partnership', { text: 'acute', partnershipSlug: 'Telford & Wrekin' }, /not a slug/],
    ['a zero limit', { text: 'acute', limit: 0 }, /limit must be between 1 and 100/],
    ['a huge limit', { text: 'acute', limit: 10_000 }, /limit must be between 1 and 100/],
  ])('refuses %s with BAD_USER_INPUT', async (_case, variables, message) => {
    const { data, errors } = await federation.query(SEARCH, { variables });
    expect(data?.searchIndicators ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
  });
});
