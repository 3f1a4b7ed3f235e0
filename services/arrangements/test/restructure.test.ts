import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { bodies as seededBodies } from './seeded-packs';

/**
 * The proof issue 16 asks for: Shropshire's 2024 restructure replayed through the gateway alone.
 * The seeded database already holds the structure after it; we read the answers from it, turn the
 * database back into Shropshire's structure before the restructure (the Oversight Group open, no
 * Safeguarding Children Partnership, so the two partnerships that report to it have no recorded
 * line), replay the restructure as Shropshire's partnership-admin would, and read the same answers.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const OVERSIGHT = 'shropshire.child-safeguarding-and-protection-practice-oversight-group';
const SCP = 'shropshire.safeguarding-children-partnership';
const EDUCATION = 'shropshire.education-strategic-partnership';
const EARLY_HELP = 'shropshire.early-help-partnership-board';
const SAB = 'shropshire.safeguarding-adults-board';
const CSP = 'shropshire.community-safety-partnership';
const admin = [grant('partnership-admin', 'shropshire')];

// Everything a user reads about the structure except sources (the replay's are "Recorded through the API").
const BODY_FIELDS = `id name kind purpose validFrom validTo usesPaperworkClock separateChildrenAndAdultsTime
  partnerships { slug }
  reportsTo { id }
  reportingBodies { id }
  closeRelationships { id }
  meetingFrequency { meetingsPerYear description period }
  chairRule { appointedFrom organisation { id } post appointedBy termMonths termAlignedToFinancialYear noConsecutiveTermsSameOrganisation viceChairFromDifferentOrganisation viceChairSucceeds description }
  quorumRule { kind namedDeputyCounts requiredOrganisations { id } statutoryPartnersInKeyDecisions unexplainedAbsenceReported description }`;

const STRUCTURE = `query ($asOf: Date!) {
  partnership(slug: "shropshire") {
    bodies(asOf: $asOf) { ${BODY_FIELDS} }
    dot: structureChart(asOf: $asOf, format: DOT) { asOf content bodyNames }
    mermaid: structureChart(asOf: $asOf, format: MERMAID) { content }
  }
  comparePartnerships(slugs: ["shropshire", "telford-and-wrekin", "solihull"], asOf: $asOf) {
    governance { measure unit cells { partnershipSlug value text missingReason } }
  }
}`;

const DATES = ['2024-09-01', '2024-11-01'];

async function answers(): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const asOf of DATES) {
    const { data, errors } = await federation.query(STRUCTURE, { variables: { asOf } });
    expect(errors).toBeUndefined();
    result[asOf] = data;
  }
  return result;
}

async function loadStructureBeforeRestructure(): Promise<void> {
  const dataSource = federation.dataSources.arrangements!;
  await dataSource.transaction(async (manager) => {
    await manager.query(`UPDATE arrangements.body SET reports_to_body_id = NULL WHERE reports_to_body_id = $1`, [SCP]);
    await manager.query(`UPDATE arrangements.body SET valid_to = NULL WHERE id = $1`, [OVERSIGHT]);
    // Its links, lines, relationships, meetings and their agendas go with it (ON DELETE CASCADE).
    await manager.query(`DELETE FROM arrangements.body WHERE id = $1`, [SCP]);
  });
}

async function version(id: string): Promise<number> {
  const { data } = await federation.query(`query ($id: ID!) { body(id: $id) { version } }`, { variables: { id } });
  return data!.body.version;
}

async function mutate(document: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const { data, errors } = await federation.query(document, { as: admin, variables });
  expect(errors).toBeUndefined();
  return data!;
}

it("replays Shropshire's 2024 restructure through the API and gets the seeded answers", async () => {
  const seeded = await answers();
  const seededScp = seededBodies.find((body) => body.id === SCP)!;

  await loadStructureBeforeRestructure();
  const before = await answers();
  // The structure before: the Oversight Group continues and there is no Safeguarding Children Partnership.
  const namesOn = (all: Record<string, any>, asOf: string) => all[asOf].partnership.bodies.map((body: { id: string }) => body.id);
  expect(namesOn(before, '2024-11-01')).toContain(OVERSIGHT);
  expect(namesOn(before, '2024-11-01')).not.toContain(SCP);
  expect(before).not.toEqual(seeded);

  // 1. The Oversight Group ceases on 30 September 2024.
  await mutate(`mutation ($id: ID!, $v: Int!) { endBody(id: $id, expectedVersion: $v, validTo: "2024-09-30") { validTo } }`, {
    id: OVERSIGHT,
    v: await version(OVERSIGHT),
  });

  // 2. The Safeguarding Children Partnership is established on 1 October 2024 with its frequency, chair rule and quorum.
  const { chairRule, quorumRule, meetingFrequency } = seededScp;
  const created = await mutate(`mutation ($input: CreateBodyInput!) { createBody(input: $input) { id validFrom version viewerCanEdit } }`, {
    input: {
      partnershipSlug: 'shropshire',
      slug: 'safeguarding-children-partnership',
      name: seededScp.name,
      kind: seededScp.kind,
      purpose: seededScp.purpose,
      validFrom: '2024-10-01',
      meetingFrequency,
      chairRule: {
        appointedFrom: chairRule!.appointedFrom,
        post: chairRule!.post,
        termMonths: chairRule!.termMonths,
        termAlignedToFinancialYear: chairRule!.termAlignedToFinancialYear,
        noConsecutiveTermsSameOrganisation: chairRule!.noConsecutiveTermsSameOrganisation,
        viceChairFromDifferentOrganisation: chairRule!.viceChairFromDifferentOrganisation,
        viceChairSucceeds: chairRule!.viceChairSucceeds,
        description: chairRule!.description,
      },
      quorumRule: {
        kind: quorumRule!.kind,
        namedDeputyCounts: quorumRule!.namedDeputyCounts,
        requiredOrganisationIds: quorumRule!.requiredOrganisationIds,
        statutoryPartnersInKeyDecisions: quorumRule!.statutoryPartnersInKeyDecisions,
        unexplainedAbsenceReported: quorumRule!.unexplainedAbsenceReported,
        description: quorumRule!.description,
      },
      closeRelationships: [SAB, CSP],
    },
  });
  expect(created.createBody).toEqual({ id: SCP, validFrom: '2024-10-01', version: 1, viewerCanEdit: true });

  // 3. The reporting lines move: the Education Strategic Partnership and the Early Help Partnership Board report to it from that day.
  for (const id of [EDUCATION, EARLY_HELP]) {
    const moved = await mutate(
      `mutation ($id: ID!, $v: Int!, $lines: [ReportingLineInput!]!) {
        changeReportingLines(id: $id, expectedVersion: $v, effectiveFrom: "2024-10-01", lines: $lines) { reportingLines { parent { id } kind validFrom validTo } }
      }`,
      { id, v: await version(id), lines: [{ parentId: SCP, kind: 'REPORTS_TO' }] },
    );
    expect(moved.changeReportingLines.reportingLines).toEqual([{ parent: { id: SCP }, kind: 'REPORTS_TO', validFrom: '2024-10-01', validTo: null }]);
  }

  // The answers on 1 September and 1 November 2024 equal the seeded data's: bodies, charts and the comparison.
  const replayed = await answers();
  for (const asOf of DATES) {
    const sortById = (all: Record<string, any>) => [...all[asOf].partnership.bodies].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById(replayed)).toEqual(sortById(seeded));
    expect(replayed[asOf]).toEqual(seeded[asOf]);
  }
});
