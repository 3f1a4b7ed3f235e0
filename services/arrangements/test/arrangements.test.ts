import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import type { Provenance } from '@safeguarding/packs';
import { bodies } from './seeded-packs';

/** Reads the arrangements through the gateway; the seed documents are the oracle. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const SEEDS = path.join(REPOSITORY_ROOT, 'sources');

describe('partnerships', () => {
  it('lists the three partnerships with their facts from the documents', async () => {
    const { data, errors } = await federation.query(`{
      partnerships { slug name policeForce population { value year } statutoryFunctions { kind } }
    }`);
    expect(errors).toBeUndefined();
    const bySlug = Object.fromEntries(data!.partnerships.map((p: { slug: string }) => [p.slug, p]));
    expect(Object.keys(bySlug).sort()).toEqual(['shropshire', 'solihull', 'telford-and-wrekin']);
    expect(bySlug.shropshire.population).toEqual({ value: 327200, year: '2022' });
    expect(bySlug['telford-and-wrekin'].population.value).toBe(176000);
    expect(bySlug.solihull.population).toBeNull();
    expect(bySlug.solihull.policeForce).toBe('West Midlands Police');
    expect(bySlug.shropshire.statutoryFunctions.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'CHILDREN_SAFEGUARDING_PARTNERSHIP',
      'COMMUNITY_SAFETY_PARTNERSHIP',
      'SAFEGUARDING_ADULTS_BOARD',
    ]);
  });

  it('resolves Lead Safeguarding Partners as organisations owned by the membership subgraph', async () => {
    const { data, errors } = await federation.query(`{
      partnership(slug: "solihull") { leadSafeguardingPartners { leadPost organisation { id name sector } } }
    }`);
    expect(errors).toBeUndefined();
    const partners = data!.partnership.leadSafeguardingPartners;
    expect(partners.map((p: { organisation: { id: string } }) => p.organisation.id).sort()).toEqual([
      'birmingham-and-solihull-icb',
      'solihull-mbc',
      'west-midlands-police',
    ]);
    const police = partners.find((p: { organisation: { id: string } }) => p.organisation.id === 'west-midlands-police');
    expect(police).toMatchObject({ leadPost: 'Chief Constable', organisation: { sector: 'POLICE' } });
  });

  it("gives Telford & Wrekin's budget: £150,000, £50,000 from each statutory partner", async () => {
    const { data } = await federation.query(`{
      partnership(slug: "telford-and-wrekin") {
        budgets { total { minorUnits formatted } contributions { organisation { name } amount { minorUnits } } }
      }
    }`);
    const [budget] = data!.partnership.budgets;
    expect(budget.total).toEqual({ minorUnits: 15_000_000, formatted: '£150,000.00' });
    expect(budget.contributions).toHaveLength(3);
    expect(budget.contributions.map((c: { amount: { minorUnits: number } }) => c.amount.minorUnits)).toEqual([5_000_000, 5_000_000, 5_000_000]);
    expect(budget.contributions.map((c: { organisation: { name: string } }) => c.organisation.name).sort()).toEqual([
      'Shropshire, Telford & Wrekin Integrated Care Board',
      'Telford & Wrekin Council',
      'West Mercia Police',
    ]);
  });

  it('says a missing amount is missing, not zero (Shropshire names contributors without amounts)', async () => {
    const { data } = await federation.query(`{
      partnership(slug: "shropshire") { budgets { total { minorUnits } accountableBody { id } contributions { amount { minorUnits } } } }
    }`);
    const [budget] = data!.partnership.budgets;
    expect(budget.total).toBeNull();
    expect(budget.accountableBody).toEqual({ id: 'shropshire-council' });
    expect(budget.contributions.every((c: { amount: unknown }) => c.amount === null)).toBe(true);
  });

  it('returns null for an unknown slug and a clear error for a malformed one', async () => {
    const unknown = await federation.query(`{ partnership(slug: "birmingham") { name } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.partnership).toBeNull();
    const malformed = await federation.query(`{ partnership(slug: "Telford & Wrekin!") { name } }`);
    expect(malformed.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0]!.message).toMatch(/not a slug/);
  });
});

describe('bodies as of a date', () => {
  const shropshireBodies = async (asOf: string) => {
    const { data, errors } = await federation.query(`query ($asOf: Date) { partnership(slug: "shropshire") { bodies(asOf: $asOf) { id } } }`, {
      variables: { asOf },
    });
    expect(errors).toBeUndefined();
    return data!.partnership.bodies.map((b: { id: string }) => b.id) as string[];
  };

  it('shows the Practice Oversight Group on 2024-09-01 and the Safeguarding Children Partnership on 2024-11-01', async () => {
    const september = await shropshireBodies('2024-09-01');
    expect(september).toContain('shropshire.child-safeguarding-and-protection-practice-oversight-group');
    expect(september).not.toContain('shropshire.safeguarding-children-partnership');
    const november = await shropshireBodies('2024-11-01');
    expect(november).toContain('shropshire.safeguarding-children-partnership');
    expect(november).not.toContain('shropshire.child-safeguarding-and-protection-practice-oversight-group');
  });

  it('refuses a malformed or impossible date with BAD_USER_INPUT', async () => {
    for (const asOf of ['2024-02-30', '01/11/2024', 'yesterday']) {
      const { errors } = await federation.query(`query ($asOf: Date) { partnership(slug: "shropshire") { bodies(asOf: $asOf) { id } } }`, {
        variables: { asOf },
      });
      expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    }
  });

  it('seeds every body the documents describe, per partnership (see seed/expected-counts.md)', async () => {
    const counts: Record<string, number> = {};
    for (const slug of ['shropshire', 'telford-and-wrekin', 'solihull']) {
      const { data } = await federation.query(`query ($slug: String!) { partnership(slug: $slug) { bodies(asOf: "2025-01-24") { id } } }`, {
        variables: { slug },
      });
      counts[slug] = data!.partnership.bodies.length;
    }
    // Shropshire: 15 current bodies (its ceased group excluded) + the joint forum; T&W 9 + forum; Solihull 1.
    expect(counts).toEqual({ shropshire: 15, 'telford-and-wrekin': 10, solihull: 1 });
  });

  it('puts the combined LSP forum in both Shropshire and Telford & Wrekin', async () => {
    const { data } = await federation.query(`{
      body(id: "joint.lsp-forum") { name kind meetingFrequency { meetingsPerYear } partnerships { slug } }
    }`);
    expect(data!.body.kind).toBe('LEAD_PARTNERS_FORUM');
    expect(data!.body.meetingFrequency.meetingsPerYear).toBe(2);
    expect(data!.body.partnerships.map((p: { slug: string }) => p.slug).sort()).toEqual(['shropshire', 'telford-and-wrekin']);
  });

  it("carries the Telford & Wrekin Executive's rules as data", async () => {
    const { data } = await federation.query(`{
      body(id: "telford-and-wrekin.executive") {
        meetingFrequency { meetingsPerYear period }
        usesPaperworkClock
        chairRule { appointedFrom termMonths termAlignedToFinancialYear noConsecutiveTermsSameOrganisation viceChairFromDifferentOrganisation viceChairSucceeds }
        quorumRule { kind namedDeputyCounts requiredOrganisations { id } source { document } }
      }
    }`);
    const executive = data!.body;
    expect(executive.meetingFrequency.meetingsPerYear).toBe(4);
    expect(executive.usesPaperworkClock).toBe(true);
    expect(executive.chairRule).toEqual({
      appointedFrom: 'STATUTORY_PARTNERS',
      termMonths: 12,
      termAlignedToFinancialYear: true,
      noConsecutiveTermsSameOrganisation: true,
      viceChairFromDifferentOrganisation: true,
      viceChairSucceeds: true,
    });
    expect(executive.quorumRule.kind).toBe('ALL_STATUTORY_PARTNERS_REPRESENTED');
    expect(executive.quorumRule.namedDeputyCounts).toBe(true);
    expect(executive.quorumRule.requiredOrganisations.map((o: { id: string }) => o.id).sort()).toEqual([
      'shropshire-telford-and-wrekin-icb',
      'telford-and-wrekin-council',
      'west-mercia-police',
    ]);
    expect(executive.quorumRule.source.document).toMatch(/^003_/);
  });

  it('follows reporting lines and close relationships both ways', async () => {
    const { data } = await federation.query(`{
      body(id: "shropshire.safeguarding-children-partnership") {
        chairRule { appointedFrom termMonths }
        reportingBodies(asOf: "2025-01-24") { id }
        closeRelationships { id }
      }
    }`);
    expect(data!.body.chairRule).toEqual({ appointedFrom: 'DELEGATED_SAFEGUARDING_PARTNERS', termMonths: 18 });
    const reporting = data!.body.reportingBodies.map((b: { id: string }) => b.id);
    expect(reporting).toEqual(expect.arrayContaining(['shropshire.education-strategic-partnership', 'shropshire.early-help-partnership-board']));
    const related = data!.body.closeRelationships.map((b: { id: string }) => b.id);
    expect(related).toEqual(expect.arrayContaining(['shropshire.safeguarding-adults-board', 'shropshire.community-safety-partnership']));
  });
});

describe('regional procedures', () => {
  it('lists the West Midlands procedures with who adopted them', async () => {
    const { data } = await federation.query(`{ regionalProcedures { id region adoptions { partnership { slug } how } } }`);
    const child = data!.regionalProcedures.find((p: { id: string }) => p.id === 'west-midlands-regional-child-protection-procedures');
    expect(child.region).toBe('West Midlands');
    expect(child.adoptions.map((a: { partnership: { slug: string } }) => a.partnership.slug)).toContain('shropshire');
  });
});

describe('provenance', () => {
  it('cites an existing source document for every seeded body and rule, stated or inferred', () => {
    const files = new Set(fs.readdirSync(SEEDS));
    const documentsOf = (provenance: Provenance): string[] =>
      provenance.kind === 'stated' ? [provenance.source] : provenance.kind === 'inferred' ? provenance.from.map((cited) => cited.source) : [];
    for (const body of bodies) expect(documentsOf(body.provenance).filter((document) => !files.has(document))).toEqual([]);
    const rules = bodies.flatMap((body) => [body.chairRule, body.quorumRule].filter((rule) => rule !== null && rule !== undefined));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.flatMap((rule) => documentsOf(rule.provenance)).filter((document) => !files.has(document))).toEqual([]);
    expect(rules.every((rule) => rule.provenance.kind !== 'synthetic')).toBe(true);
  });
});
