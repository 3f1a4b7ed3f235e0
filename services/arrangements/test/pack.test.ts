import fs from 'node:fs';
import path from 'node:path';
import type { Grant } from '@safeguarding/auth';
import { packsDirectory } from '@safeguarding/packs';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import type { PartnershipArrangements } from '@safeguarding/packs';
import { readArrangementsSection } from '../seed/packs';
import { parseSuccessTarget } from '../rules/success-target';

/**
 * The arrangements section of a pack through the gateway (operations/pack.ts): the seed is the
 * packs, so exporting a fresh database gives the files byte for byte; applying them again changes
 * nothing; edits, dry runs, bad text, scope and two appliers at once.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const regionalAdmin = [grant('regional-admin')];
const adminOf = (slug: string) => [grant('partnership-admin', slug)];
const fileOf = (scope: string) => fs.readFileSync(path.join(packsDirectory(), scope, 'arrangements.yaml'), 'utf8');

const EXPORT = `query ($scope: String!) { arrangementsPackSection(scope: $scope) { scope section text } }`;
const APPLY = `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
  applyArrangementsPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
}`;

async function ask(document: string, variables: Record<string, unknown>, as?: Grant[]) {
  const response = await federation.query(document, { variables, as });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data as Record<string, any>;
}
const exported = async (scope: string) => (await ask(EXPORT, { scope }, regionalAdmin)).arrangementsPackSection.text as string;
const apply = async (scope: string, text: string, dryRun = false, as: Grant[] = regionalAdmin) =>
  (await ask(APPLY, { scope, text, dryRun }, as)).applyArrangementsPackSection;

describe('export and re-apply', () => {
  it.each(['regional', 'shropshire', 'telford-and-wrekin', 'solihull'])('exports %s byte for byte as its packs/ file (arrangements.yaml)', async (scope) => {
    expect(await exported(scope)).toBe(fileOf(scope));
  });

  it.each(['regional', 'shropshire', 'telford-and-wrekin', 'solihull'])('applying %s as it stands changes nothing', async (scope) => {
    const result = await apply(scope, fileOf(scope));
    expect(result).toMatchObject({ scope, section: 'arrangements', applied: true, changes: [] });
  });
});

describe('edits', () => {
  it('lists an edit in a dry run and writes nothing; applying writes it, read back through the API', async () => {
    const text = fileOf('solihull').replace('name: Executive group', 'name: Executive Group of the Lead Safeguarding Partners');
    const dry = await apply('solihull', text, true, adminOf('solihull'));
    expect(dry.applied).toBe(false);
    expect(dry.changes).toEqual([{ entity: 'Body', key: 'solihull.executive', change: 'CHANGED', fields: ['name'] }]);
    expect((await ask(`{ body(id: "solihull.executive") { name } }`, {})).body.name).toBe('Executive group');
    const done = await apply('solihull', text, false, adminOf('solihull'));
    expect(done.changes).toEqual(dry.changes);
    expect((await ask(`{ body(id: "solihull.executive") { name } }`, {})).body.name).toBe('Executive Group of the Lead Safeguarding Partners');
    expect((await apply('solihull', text, false, adminOf('solihull'))).changes).toEqual([]);
    const audited = await federation.dataSources.arrangements!.query(
      `SELECT partnership_slugs, error_code FROM arrangements.audit_event WHERE field = 'applyArrangementsPackSection' AND arguments->>'scope' = 'solihull' ORDER BY id`,
    );
    expect(audited.length).toBeGreaterThanOrEqual(3);
    expect(audited[audited.length - 1]).toMatchObject({ partnership_slugs: ['solihull'], error_code: null });
    await apply('solihull', fileOf('solihull'));
  });

  it('ends a body removed from the pack rather than deleting it', async () => {
    const value = fileOf('telford-and-wrekin');
    const start = value.indexOf('  - id: telford-and-wrekin.neglect');
    const end = value.indexOf('  - id: ', start + 5);
    const result = await apply('telford-and-wrekin', value.slice(0, start) + value.slice(end));
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { entity: 'Body', key: 'telford-and-wrekin.neglect', change: 'ENDED', fields: [] },
        expect.objectContaining({ entity: 'ReportingLine', change: 'ENDED' }),
      ]),
    );
    const body = (await ask(`{ body(id: "telford-and-wrekin.neglect") { id validTo } }`, {})).body;
    expect(body.validTo).not.toBeNull();
    await apply('telford-and-wrekin', fileOf('telford-and-wrekin'));
  });

  it('shows provenance through the API: stated with its quote, inferred with what it rests on and why', async () => {
    const data = await ask(
      `{ stated: body(id: "shropshire.dsp-executive") { source { kind quote } }
         inferred: body(id: "shropshire.child-safeguarding-and-protection-practice-oversight-group") { source { kind inferredFrom { document quote } reasoning } } }`,
      {},
    );
    expect(data.stated.source).toEqual({
      kind: 'STATED',
      quote: 'The Delegated Safeguarding Partners (DSPs) also meet as an Executive on a quarterly basis with the Independent Scrutineer',
    });
    expect(data.inferred.source.kind).toBe('INFERRED');
    expect(data.inferred.source.inferredFrom.length).toBe(2);
    expect(data.inferred.source.reasoning).toMatch(/day before its replacement was established/);
  });

  it("labels the strategic plan's April-to-March period inferred and each success statement stated by its own words", async () => {
    const data = await ask(
      `{ partnership(slug: "shropshire") { strategicPlans { periodStart periodEnd source { kind reasoning }
           priorities { source { kind quote } successStatements { text source { kind quote } } } } } }`,
      {},
    );
    const [plan] = data.partnership.strategicPlans;
    expect(plan).toMatchObject({ periodStart: '2023-04-01', periodEnd: '2026-03-31', source: { kind: 'INFERRED' } });
    expect(plan.source.reasoning).toMatch(/2023 – 2026 only/);
    const statements = plan.priorities.flatMap((priority: { successStatements: unknown[] }) => priority.successStatements);
    expect(statements.length).toBeGreaterThan(20);
    for (const statement of statements) expect(statement.source).toEqual({ kind: 'STATED', quote: statement.text });
    expect(plan.priorities.every((priority: { source: { kind: string } }) => priority.source.kind === 'STATED')).toBe(true);
  });
});

describe('escalation procedures', () => {
  it('replaces changed steps keeping the old ones as a revision, and refuses a repeated step', async () => {
    const file = fileOf('telford-and-wrekin');
    const edited = file.replace('        action: seek a resolution\n', '        action: seek a resolution within 20 working days\n');
    expect(edited).not.toBe(file);
    const result = await apply('telford-and-wrekin', edited);
    expect(result.changes).toEqual([{ entity: 'EscalationProcedure', key: 'telford-and-wrekin/Dispute resolution', change: 'CHANGED', fields: ['steps'] }]);
    const [procedure] = (
      await ask(`{ partnership(slug: "telford-and-wrekin") { escalationProcedures { steps { action } revisions { steps { action } } } } }`, {})
    ).partnership.escalationProcedures;
    expect(procedure.steps[1].action).toBe('seek a resolution within 20 working days');
    expect(procedure.revisions.at(-1).steps[1].action).toBe('seek a resolution');
    expect((await apply('telford-and-wrekin', edited)).changes).toEqual([]);

    const stepStart = file.indexOf('      - trigger: When there is a disagreement');
    const stepEnd = file.indexOf('      - trigger:', stepStart + 10);
    const repeated = file.slice(0, stepEnd) + file.slice(stepStart, stepEnd) + file.slice(stepEnd);
    const response = await federation.query(APPLY, { variables: { scope: 'telford-and-wrekin', text: repeated, dryRun: false }, as: regionalAdmin });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/repeats step 1/);
    await apply('telford-and-wrekin', file);
  });
});

describe('typed values from prose', () => {
  it('answers the area, its size and the rates the documents quote, each with its source', async () => {
    const data = await ask(
      `{ shropshire: partnership(slug: "shropshire") { area areaHectares areaSource { kind quote } indicators { measure value unit } }
         telford: partnership(slug: "telford-and-wrekin") { area indicators { measure value unit count period source { kind reasoning } } } }`,
      {},
    );
    expect(data.shropshire).toMatchObject({ area: 'Shropshire', areaHectares: 319730, areaSource: { kind: 'STATED' } });
    expect(data.shropshire.indicators).toEqual([
      { measure: 'rural-land-share', value: 97.5, unit: 'PERCENT' },
      { measure: 'urban-population-share', value: 43, unit: 'PERCENT' },
    ]);
    const rates = Object.fromEntries(data.telford.indicators.map((indicator: { measure: string }) => [indicator.measure, indicator]));
    expect(rates['children-in-care-rate']).toMatchObject({ value: 96.8, unit: 'PER_10000', count: 388, period: '2018-19', source: { kind: 'STATED' } });
    expect(rates['child-protection-plan-rate']).toMatchObject({
      value: 62.8,
      count: 252,
      source: { kind: 'INFERRED', reasoning: expect.stringMatching(/2018\/19/) },
    });
  });
});

describe('refusals', () => {
  const problemsOf = async (scope: string, text: string) => {
    const response = await federation.query(APPLY, { variables: { scope, text, dryRun: false }, as: regionalAdmin });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return response.errors![0]!.extensions!.problems as { line: number; column: number; field: string; message: string }[];
  };

  it('refuses broken YAML, a wrong type and an unknown field with their line and column, changing nothing', async () => {
    const file = fileOf('solihull');
    expect((await problemsOf('solihull', `${file}\n  - [unclosed`))[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    const wrongType = await problemsOf('solihull', file.replace('kind: EXECUTIVE', 'kind: 12'));
    expect(wrongType[0]).toMatchObject({ field: expect.stringContaining('kind'), line: expect.any(Number) });
    expect(wrongType[0]!.line).toBeGreaterThan(1);
    const unknown = await problemsOf('solihull', file.replace('  policeForce:', '  policeHeadquarters: Lloyd House\n  policeForce:'));
    expect(unknown[0]!.message).toMatch(/policeHeadquarters/);
    expect(await exported('solihull')).toBe(file);
  });

  it('refuses a reporting-line cycle naming the bodies, writing nothing', async () => {
    const file = fileOf('telford-and-wrekin');
    const cyclic = file.replace(
      /( {2}- id: telford-and-wrekin\.executive\n)/,
      '$1    reportingLines:\n      - to: telford-and-wrekin.neglect\n        kind: REPORTS_TO\n',
    );
    const response = await federation.query(APPLY, { variables: { scope: 'telford-and-wrekin', text: cyclic, dryRun: false }, as: regionalAdmin });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/cycle/);
  });

  it("refuses a chair rule without its organisation and a quorum naming an agency that does not sit on the body, by the mutations' rules", async () => {
    const file = fileOf('shropshire');
    const noOrganisation = file.replace(/( {6}appointedFrom: NAMED_ORGANISATION\n) {6}organisationId: west-mercia-police\n/, '$1');
    expect(noOrganisation).not.toBe(file);
    const chair = await federation.query(APPLY, { variables: { scope: 'shropshire', text: noOrganisation, dryRun: false }, as: regionalAdmin });
    expect(chair.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(chair.errors?.[0]?.message).toMatch(/needs organisationId/);
    const outsider = file.replace(/( {8}- shropshire-council\n)/, '$1        - solihull-mbc\n');
    expect(outsider).not.toBe(file);
    const quorum = await federation.query(APPLY, { variables: { scope: 'shropshire', text: outsider, dryRun: false }, as: regionalAdmin });
    expect(quorum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(quorum.errors?.[0]?.message).toMatch(/"solihull-mbc" is not a Lead Safeguarding Partner/);
    expect(await exported('shropshire')).toBe(file);
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member', 'FORBIDDEN', [grant('member', 'solihull')]],
    ['the partnership-admin of another partnership', 'FORBIDDEN', adminOf('shropshire')],
  ])('refuses %s (%s), applying and exporting', async (_who, code, as) => {
    const applied = await federation.query(APPLY, { variables: { scope: 'solihull', text: fileOf('solihull'), dryRun: true }, as });
    expect(applied.errors?.[0]?.extensions?.code).toBe(code);
    const read = await federation.query(EXPORT, { variables: { scope: 'solihull' }, as });
    expect(read.errors?.[0]?.extensions?.code).toBe(code);
  });

  it("refuses a partnership-admin the regional pack and a partnership that does not exist (creating one is a regional-admin's)", async () => {
    const regional = await federation.query(APPLY, { variables: { scope: 'regional', text: fileOf('regional'), dryRun: true }, as: adminOf('solihull') });
    expect(regional.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = await federation.query(APPLY, {
      variables: { scope: 'herefordshire', text: fileOf('solihull'), dryRun: true },
      as: adminOf('herefordshire'),
    });
    expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('two appliers at once', () => {
  it('both land, one after the other, and the end state is one of them', async () => {
    const file = fileOf('solihull');
    const first = file.replace('name: Executive group', 'name: Executive group (first)');
    const second = file.replace('shortName: SSCP', 'shortName: Solihull SCP');
    const results = await Promise.all([apply('solihull', first), apply('solihull', second)]);
    expect(results.every((result) => result.applied)).toBe(true);
    const text = await exported('solihull');
    expect([first, second]).toContain(text);
    await apply('solihull', file);
  });
});

describe('a new partnership', () => {
  const SYNTHETIC = `
    provenance:
      kind: synthetic
      generator: fictional partnership written for the pack tests`;
  const pack = `partnership:
  name: Wyvern Vale Safeguarding Partnership
  shortName: WVSP
  policeForce: West Mercia Police
  statutoryFunctions:
    - kind: CHILDREN_SAFEGUARDING_PARTNERSHIP
      description: Children's safeguarding arrangements of a fictional partnership.
      provenance:
        kind: synthetic
        generator: fictional partnership written for the pack tests
  provenance:
    kind: synthetic
    generator: fictional partnership written for the pack tests
leadSafeguardingPartners: []
arrangementDocuments: []
budgets: []
bodies:
  - id: wyvern-vale.executive
    name: Wyvern Vale Executive
    kind: EXECUTIVE
    purpose: Strategic decisions of the three partners.${SYNTHETIC}
  - id: wyvern-vale.learning-group
    name: Wyvern Vale Learning Group
    kind: REVIEW_GROUP
    purpose: Learning from reviews.
    reportingLines:
      - to: wyvern-vale.executive
        kind: REPORTS_TO
    meetingFrequency:
      meetingsPerYear: 4
      description: quarterly
      period: CALENDAR_YEAR${SYNTHETIC}
sharedBodies:
  - joint.lsp-forum
`;

  it("is created by a regional-admin's apply (a dry run first writes nothing), with its bodies and a body it shares", async () => {
    const dry = await apply('wyvern-vale', pack, true);
    expect(dry.changes).toEqual(expect.arrayContaining([{ entity: 'Partnership', key: 'wyvern-vale', change: 'ADDED', fields: [] }]));
    expect((await ask(`{ partnership(slug: "wyvern-vale") { id } }`, {})).partnership).toBeNull();
    const done = await apply('wyvern-vale', pack);
    expect(done.changes.filter((change: { entity: string }) => change.entity === 'Body')).toHaveLength(2);
    const data = await ask(
      `{ partnership(slug: "wyvern-vale") { name source { kind generator } bodies { id reportsTo { id } } }
         forum: body(id: "joint.lsp-forum") { partnerships { slug } } }`,
      {},
    );
    expect(data.partnership.name).toBe('Wyvern Vale Safeguarding Partnership');
    expect(data.partnership.source).toEqual({ kind: 'SYNTHETIC', generator: 'fictional partnership written for the pack tests' });
    expect(data.partnership.bodies.map((body: { id: string }) => body.id).sort()).toEqual([
      'joint.lsp-forum',
      'wyvern-vale.executive',
      'wyvern-vale.learning-group',
    ]);
    expect(data.partnership.bodies.find((body: { id: string }) => body.id === 'wyvern-vale.learning-group').reportsTo).toEqual({ id: 'wyvern-vale.executive' });
    expect(data.forum.partnerships.map((partnership: { slug: string }) => partnership.slug).sort()).toEqual([
      'shropshire',
      'telford-and-wrekin',
      'wyvern-vale',
    ]);
    // Its own admin may now apply and export it; applying what it exports changes nothing.
    const text = (await ask(EXPORT, { scope: 'wyvern-vale' }, adminOf('wyvern-vale'))).arrangementsPackSection.text as string;
    expect((await apply('wyvern-vale', text, false, adminOf('wyvern-vale'))).changes).toEqual([]);
  });
});

describe('values recorded through the API', () => {
  it('exports them as recorded, never as stated: the document and section as given, no quote', async () => {
    const created = await federation.query(
      `mutation { createEscalationProcedure(partnershipSlug: "solihull", input: { title: "Resolving professional differences", validFrom: "2026-01-05",
         steps: [{ who: "The two practitioners", action: "talk it through" }] }) { id } }`,
      { as: adminOf('solihull') },
    );
    expect(created.errors).toBeUndefined();
    const text = await exported('solihull');
    expect(text).toContain('title: Resolving professional differences');
    expect(text).toMatch(/kind: recorded\n\s+document: [Rr]ecorded through the API\n\s+section: createEscalationProcedure by /);
    expect(text).not.toBe(fileOf('solihull'));
    // The export applies as it stands: the first time it writes the label out (source only), then it is a fixed point.
    expect((await apply('solihull', text)).changes).toEqual([expect.objectContaining({ change: 'CHANGED', fields: ['source'] })]);
    expect(await exported('solihull')).toBe(text);
    expect((await apply('solihull', await exported('solihull'))).changes).toEqual([]);
  });
});

describe('strategic plans', () => {
  // A plan around today, so that a revision from the day of applying falls inside its period.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const year = Number(today.slice(0, 4));
  const periodStart = `${year - 1}-04-01`;
  const periodEnd = `${year + 2}-03-31`;
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const planText = (neglectHeading: string, firstStatement: string, withExploitation = true) => `strategicPlans:
  - title: Safeguarding Priorities ${year - 1}-${year + 2}
    periodStart: ${periodStart}
    periodEnd: ${periodEnd}
    provenance:
      kind: synthetic
      generator: a test plan (pack.test.ts)
    priorities:
${
  withExploitation
    ? `      - id: telford-and-wrekin.exploitation-priority
        heading: Exploitation
        kind: STRATEGIC_PRIORITY
        owningGroup: telford-and-wrekin.executive
        successStatements: []
        provenance:
          kind: synthetic
          generator: a test priority (pack.test.ts)
`
    : ''
}      - id: telford-and-wrekin.neglect-priority
        heading: ${neglectHeading}
        kind: STRATEGIC_PRIORITY
        owningGroup: telford-and-wrekin.neglect
        successStatements:
          - text: ${firstStatement}
            target:
              comparison: AT_LEAST
              value: 80
              unit: PERCENT
              measures: the percentage of neglect audits rated good
            provenance:
              kind: synthetic
              generator: a test statement (pack.test.ts)
          - text: Practitioners use the neglect toolkit
            provenance:
              kind: synthetic
              generator: a test statement (pack.test.ts)
        provenance:
          kind: synthetic
          generator: a test priority (pack.test.ts)
`;
  const PLANS = `{ partnership(slug: "telford-and-wrekin") { id strategicPlans { title periodStart periodEnd priorities {
      id title periodEnd versionFrom earlierVersions { title validFrom validTo }
      successStatements { text validTo target { comparison value } earlierVersions { text validFrom validTo } } } } } }`;
  const plans = async () => (await ask(PLANS, {})).partnership.strategicPlans as any[];
  const withPlan = (text: string) => fileOf('telford-and-wrekin') + text;

  it('adds a plan from a pack (a dry run first writes nothing), then applying it again changes nothing and the export is the text', async () => {
    const text = withPlan(planText('Neglect', 'At least 80% of neglect audits are rated good'));
    const dry = await apply('telford-and-wrekin', text, true, adminOf('telford-and-wrekin'));
    expect(dry.applied).toBe(false);
    expect(dry.changes).toEqual(
      expect.arrayContaining([
        { entity: 'StrategicPlan', key: `telford-and-wrekin/Safeguarding Priorities ${year - 1}-${year + 2}`, change: 'ADDED', fields: [] },
        { entity: 'StrategicPriority', key: 'telford-and-wrekin.neglect-priority', change: 'ADDED', fields: [] },
        { entity: 'SuccessStatement', key: 'telford-and-wrekin.neglect-priority/Practitioners use the neglect toolkit', change: 'ADDED', fields: [] },
      ]),
    );
    expect(await plans()).toEqual([]);
    const done = await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'));
    expect(done.changes).toEqual(dry.changes);
    const [plan] = await plans();
    expect(plan).toMatchObject({ periodStart, periodEnd });
    const neglect = plan.priorities.find((priority: { id: string }) => priority.id === 'telford-and-wrekin.neglect-priority');
    expect(neglect.successStatements.map((statement: { text: string }) => statement.text)).toEqual([
      'At least 80% of neglect audits are rated good',
      'Practitioners use the neglect toolkit',
    ]);
    expect(neglect.successStatements[0].target).toEqual({ comparison: 'AT_LEAST', value: 80 });
    expect((await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'))).changes).toEqual([]);
    expect(await exported('telford-and-wrekin')).toBe(text);
  });

  it('applies a changed heading and statement text as revisions from today, the earlier text kept in earlierVersions (a second change the same day corrects in place)', async () => {
    const text = withPlan(planText('Neglect and its impact', 'At least 80% of neglect audits are rated good or better'));
    const result = await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'));
    expect(result.changes).toEqual([
      { entity: 'StrategicPriority', key: 'telford-and-wrekin.neglect-priority', change: 'CHANGED', fields: ['heading'] },
      {
        entity: 'SuccessStatement',
        key: 'telford-and-wrekin.neglect-priority/At least 80% of neglect audits are rated good',
        change: 'CHANGED',
        fields: ['text'],
      },
    ]);
    const neglect = (await plans())[0].priorities.find((priority: { id: string }) => priority.id === 'telford-and-wrekin.neglect-priority');
    expect(neglect).toMatchObject({ title: 'Neglect and its impact', versionFrom: today });
    expect(neglect.earlierVersions).toEqual([{ title: 'Neglect', validFrom: periodStart, validTo: yesterday }]);
    expect(neglect.successStatements[0].text).toBe('At least 80% of neglect audits are rated good or better');
    expect(neglect.successStatements[0].earlierVersions).toEqual([
      { text: 'At least 80% of neglect audits are rated good', validFrom: periodStart, validTo: yesterday },
    ]);
    expect((await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'))).changes).toEqual([]);
    // The export holds the current text only.
    expect(await exported('telford-and-wrekin')).toBe(text);
    // A second change the same day corrects today's text in place: a text that stood for no day is not kept.
    const again = text.replace('heading: Neglect and its impact\n', 'heading: Neglect and its impact on children\n');
    expect((await apply('telford-and-wrekin', again, false, adminOf('telford-and-wrekin'))).changes).toEqual([
      { entity: 'StrategicPriority', key: 'telford-and-wrekin.neglect-priority', change: 'CHANGED', fields: ['heading'] },
    ]);
    const corrected = (await plans())[0].priorities.find((priority: { id: string }) => priority.id === 'telford-and-wrekin.neglect-priority');
    expect(corrected).toMatchObject({ title: 'Neglect and its impact on children', versionFrom: today });
    expect(corrected.earlierVersions).toEqual([{ title: 'Neglect', validFrom: periodStart, validTo: yesterday }]);
    await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'));
  });

  it('retires a priority and a statement left out of the pack, yesterday being their last day, and exports without them', async () => {
    const text = withPlan(planText('Neglect and its impact', 'At least 80% of neglect audits are rated good or better', false)).replace(
      /\n {10}- text: Practitioners use the neglect toolkit\n {12}provenance:\n {14}kind: synthetic\n {14}generator: a test statement \(pack\.test\.ts\)/,
      '',
    );
    const dry = await apply('telford-and-wrekin', text, true, adminOf('telford-and-wrekin'));
    expect(dry.changes).toEqual(
      expect.arrayContaining([
        { entity: 'StrategicPriority', key: 'telford-and-wrekin.exploitation-priority', change: 'ENDED', fields: ['periodEnd'] },
        { entity: 'SuccessStatement', key: 'telford-and-wrekin.neglect-priority/Practitioners use the neglect toolkit', change: 'ENDED', fields: ['validTo'] },
      ]),
    );
    expect(dry.changes).toHaveLength(2);
    expect((await plans())[0].priorities.find((priority: { id: string }) => priority.id === 'telford-and-wrekin.exploitation-priority').periodEnd).toBe(
      periodEnd,
    );
    await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'));
    const [plan] = await plans();
    expect(plan.priorities.find((priority: { id: string }) => priority.id === 'telford-and-wrekin.exploitation-priority').periodEnd).toBe(yesterday);
    const neglect = plan.priorities.find((priority: { id: string }) => priority.id === 'telford-and-wrekin.neglect-priority');
    expect(neglect.successStatements.find((statement: { text: string }) => statement.text === 'Practitioners use the neglect toolkit').validTo).toBe(yesterday);
    expect(await exported('telford-and-wrekin')).toBe(text);
    expect((await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'))).changes).toEqual([]);
  });

  it('corrects in place, keeping no earlier version, the text of a plan that has not begun; a priority added to it starts with it', async () => {
    const base = await exported('telford-and-wrekin');
    const futureStart = `${year + 2}-04-01`;
    const futurePlan = (heading: string, statement: string, extra = '') => `  - title: Safeguarding Priorities ${year + 2}-${year + 5}
    periodStart: ${futureStart}
    periodEnd: ${year + 5}-03-31
    provenance:
      kind: synthetic
      generator: a test plan (pack.test.ts)
    priorities:
${extra}      - id: telford-and-wrekin.future-neglect
        heading: ${heading}
        kind: STRATEGIC_PRIORITY
        owningGroup: telford-and-wrekin.neglect
        successStatements:
          - text: ${statement}
            provenance:
              kind: synthetic
              generator: a test statement (pack.test.ts)
        provenance:
          kind: synthetic
          generator: a test priority (pack.test.ts)
`;
    await apply('telford-and-wrekin', base + futurePlan('Neglect', 'Fewer children are on plans for neglect'), false, adminOf('telford-and-wrekin'));
    const extra = `      - id: telford-and-wrekin.future-exploitation
        heading: Exploitation
        kind: STRATEGIC_PRIORITY
        owningGroup: telford-and-wrekin.executive
        successStatements: []
        provenance:
          kind: synthetic
          generator: a test priority (pack.test.ts)
`;
    const text = base + futurePlan('Neglect in the early years', 'Fewer young children are on plans for neglect', extra);
    const result = await apply('telford-and-wrekin', text, false, adminOf('telford-and-wrekin'));
    expect(result.changes).toEqual([
      { entity: 'StrategicPriority', key: 'telford-and-wrekin.future-exploitation', change: 'ADDED', fields: [] },
      { entity: 'StrategicPriority', key: 'telford-and-wrekin.future-neglect', change: 'CHANGED', fields: ['heading'] },
      {
        entity: 'SuccessStatement',
        key: 'telford-and-wrekin.future-neglect/Fewer children are on plans for neglect',
        change: 'CHANGED',
        fields: ['text'],
      },
    ]);
    const future = (await plans()).find((plan: { periodStart: string }) => plan.periodStart === futureStart);
    const neglect = future.priorities.find((priority: { id: string }) => priority.id === 'telford-and-wrekin.future-neglect');
    expect(neglect).toMatchObject({ title: 'Neglect in the early years', versionFrom: futureStart, earlierVersions: [] });
    expect(neglect.successStatements).toEqual([{ text: 'Fewer young children are on plans for neglect', validTo: null, target: null, earlierVersions: [] }]);
    const exploitation = (
      await ask(`{ partnership(slug: "telford-and-wrekin") { id strategicPlans { priorities { id periodStart } } } }`, {})
    ).partnership.strategicPlans
      .flatMap((plan: { priorities: { id: string; periodStart: string }[] }) => plan.priorities)
      .find((priority: { id: string }) => priority.id === 'telford-and-wrekin.future-exploitation');
    expect(exploitation.periodStart).toBe(futureStart);
    expect(await exported('telford-and-wrekin')).toBe(text);
  });

  it("types each of Shropshire's success statements' targets as its own words give them (rules/success-target.ts)", () => {
    const value = readArrangementsSection(path.join(packsDirectory(), 'shropshire'))!.value as PartnershipArrangements;
    const statements = (value.strategicPlans ?? []).flatMap((plan) => plan.priorities.flatMap((priority) => priority.successStatements));
    expect(statements.length).toBeGreaterThan(40);
    for (const statement of statements) {
      const read = parseSuccessTarget(statement.text);
      expect({ text: statement.text, target: statement.target ?? null }).toEqual({
        text: statement.text,
        target: read ? { ...read, baselinePeriod: read.baselinePeriod ?? undefined } : null,
      });
    }
    expect(statements.filter((statement) => statement.target).length).toBeGreaterThan(5);
  });

  it('exports a plan recorded through the API as recorded, and applies that export as a fixed point', async () => {
    const plan = await federation.query(
      `mutation { createStrategicPlan(partnershipSlug: "solihull", input: { title: "Solihull Priorities", periodStart: "${periodStart}", periodEnd: "${periodEnd}" }) { id } }`,
      { as: adminOf('solihull') },
    );
    expect(plan.errors).toBeUndefined();
    const planId = (plan.data as any).createStrategicPlan.id;
    const priority = await federation.query(
      `mutation { addStrategicPriority(planId: "${planId}", input: { title: "Neglect", kind: STRATEGIC_PRIORITY, owningGroupId: "solihull.executive" }) { id } }`,
      { as: adminOf('solihull') },
    );
    expect(priority.errors).toBeUndefined();
    const priorityId = (priority.data as any).addStrategicPriority.id;
    const statement = await federation.query(
      `mutation { addSuccessStatement(priorityId: "${priorityId}", input: { text: "At least 70% of neglect audits are rated good",
         target: { comparison: AT_LEAST, value: 70, unit: PERCENT, measures: "the percentage of neglect audits rated good" } }) { id } }`,
      { as: adminOf('solihull') },
    );
    expect(statement.errors).toBeUndefined();
    const text = await exported('solihull');
    expect(text).toContain('strategicPlans:\n  - title: Solihull Priorities\n');
    expect(text).toMatch(/- text: At least 70% of neglect audits are rated good\n\s+target:\n\s+comparison: AT_LEAST\n\s+value: 70/);
    expect(text).not.toMatch(/kind: stated\n\s+document: [Rr]ecorded/);
    const first = await apply('solihull', text);
    expect(first.changes.every((change: { fields: string[] }) => change.fields.every((field) => field === 'provenance' || field === 'source'))).toBe(true);
    expect(await exported('solihull')).toBe(text);
    expect((await apply('solihull', text)).changes).toEqual([]);
  });

  it("refuses a change to Shropshire's plan, whose period has ended, a plan overlapping another and an owning group outside the partnership, naming the field", async () => {
    const shropshire = fileOf('shropshire');
    const changed = shropshire.replace('heading: Domestic Abuse\n', 'heading: Domestic Abuse and Violence Against Women and Girls\n');
    expect(changed).not.toBe(shropshire);
    const response = await federation.query(APPLY, { variables: { scope: 'shropshire', text: changed, dryRun: false }, as: regionalAdmin });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/ran from 2023-04-01 to 2026-03-31/);
    // Priorities are in id order: shropshire.domestic-abuse is the sixth.
    expect(response.errors?.[0]?.extensions?.field).toBe('strategicPlans.0.priorities.5.heading');
    expect(await exported('shropshire')).toBe(shropshire);
    const overlapping = shropshire.replace(
      'strategicPlans:\n',
      `strategicPlans:\n  - title: Overlapping plan\n    periodStart: 2025-04-01\n    periodEnd: 2027-03-31\n    provenance:\n      kind: synthetic\n      generator: a test plan (pack.test.ts)\n    priorities: []\n`,
    );
    const refused = await federation.query(APPLY, { variables: { scope: 'shropshire', text: overlapping, dryRun: true }, as: regionalAdmin });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/overlaps the partnership's plan "Strategic Plan and Priorities 2023-2026"/);
    expect(refused.errors?.[0]?.extensions?.field).toBe('strategicPlans.0.periodStart');
    const outsider = shropshire.replace('owningGroup: shropshire.local-domestic-abuse-partnership-board', 'owningGroup: solihull.executive');
    expect(outsider).not.toBe(shropshire);
    const foreign = await federation.query(APPLY, { variables: { scope: 'shropshire', text: outsider, dryRun: true }, as: regionalAdmin });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'strategicPlans.0.priorities.5.owningGroup' });
    expect(await exported('shropshire')).toBe(shropshire);
  });
});
