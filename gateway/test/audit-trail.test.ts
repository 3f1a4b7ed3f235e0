/**
 * The audit trail (packages/subgraph-runtime/src/audit.ts): every mutation, accepted or refused,
 * leaves one append-only row in its subgraph's audit_event table, readable through the gateway as
 * Partnership.<subgraph>AuditTrail by the partnership's admins and regional administrators only.
 */
import { partnershipSlugsOf } from '@safeguarding/subgraph-runtime';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

const OWN = 'telford-and-wrekin';
const EXECUTIVE = 'telford-and-wrekin.executive';
const admin = [grant('partnership-admin', OWN)];

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

const TRAIL = `query ($slug: String!, $from: String) {
  partnership(slug: $slug) {
    arrangementsAuditTrail(from: $from) { id subgraph at subject grants requestId field arguments resultId result replaced errorCode partnershipSlugs }
  }
}`;

async function bodyVersion(): Promise<number> {
  return (await federation.query(`{ body(id: "${EXECUTIVE}") { version } }`)).data!.body.version as number;
}

describe('the audit trail', () => {
  const from = new Date(Date.now() - 60_000).toISOString();

  it('records an accepted mutation: who, when, the request id, the arguments, the record after and the value it replaced', async () => {
    const version = await bodyVersion();
    // Seeded, so no earlier event holds it: only the replaced value keeps the correction traceable.
    const seededPurpose = (await federation.query(`{ body(id: "${EXECUTIVE}") { purpose } }`)).data!.body.purpose as string;
    expect(seededPurpose).not.toBe('Audited purpose');
    const changed = await federation.query(
      `mutation ($v: Int!) { updateBody(id: "${EXECUTIVE}", expectedVersion: $v, input: { purpose: "Audited purpose" }) { id version } }`,
      {
        variables: { v: version },
        as: admin,
      },
    );
    expect(changed.errors).toBeUndefined();
    const requestId = changed.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    const { data, errors } = await federation.query(TRAIL, { variables: { slug: OWN, from }, as: admin });
    expect(errors).toBeUndefined();
    const event = data!.partnership.arrangementsAuditTrail.find(
      (candidate: { field: string; errorCode: string | null }) => candidate.field === 'updateBody' && !candidate.errorCode,
    );
    expect(event).toMatchObject({
      subgraph: 'arrangements',
      subject: 'test-user',
      grants: ['partnership-admin:telford-and-wrekin'],
      requestId,
      resultId: EXECUTIVE,
      errorCode: null,
      partnershipSlugs: expect.arrayContaining([OWN]),
    });
    expect(JSON.parse(event.arguments)).toMatchObject({ id: EXECUTIVE, expectedVersion: version, input: { purpose: 'Audited purpose' } });
    expect(JSON.parse(event.result)).toMatchObject({ id: EXECUTIVE, purpose: 'Audited purpose' });
    expect(JSON.parse(event.replaced)).toMatchObject({ id: EXECUTIVE, purpose: seededPurpose, version });
    expect(Date.parse(event.at)).toBeGreaterThan(Date.parse(from));
  });

  it('records refusals with their code, the refused caller included', async () => {
    const refused = await federation.query(`mutation { updateBody(id: "${EXECUTIVE}", expectedVersion: 1, input: { purpose: "Not mine" }) { id } }`, {
      as: [grant('partnership-admin', 'solihull')],
    });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const { data } = await federation.query(TRAIL, { variables: { slug: OWN, from }, as: [grant('regional-admin')] });
    const event = data!.partnership.arrangementsAuditTrail.find(
      (candidate: { requestId: string }) => candidate.requestId === refused.headers.get('x-request-id'),
    );
    expect(event).toMatchObject({
      field: 'updateBody',
      errorCode: 'FORBIDDEN',
      grants: ['partnership-admin:solihull'],
      resultId: null,
      result: null,
      replaced: null,
    });
    // Regional administrators see who, when and what field, not the payloads (they may be confidential).
    expect(event.arguments).toBeNull();
    const own = await federation.query(TRAIL, { variables: { slug: OWN, from }, as: admin });
    const seenByOwnAdmin = own.data!.partnership.arrangementsAuditTrail.find(
      (candidate: { requestId: string }) => candidate.requestId === refused.headers.get('x-request-id'),
    );
    expect(JSON.parse(seenByOwnAdmin.arguments)).toEqual({ id: EXECUTIVE, expectedVersion: 1, input: { purpose: 'Not mine' } });
  });

  it('records a call refused for half a character, with U+FFFD in its place (jsonb cannot hold the half)', async () => {
    const refused = await federation.query(
      `mutation ($v: Int!, $purpose: String) { updateBody(id: "${EXECUTIVE}", expectedVersion: $v, input: { purpose: $purpose }) { id } }`,
      {
        variables: { v: await bodyVersion(), purpose: 'Cut emoji \uD83D' },
        as: admin,
      },
    );
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/purpose contains half of a character/);
    const { data } = await federation.query(TRAIL, { variables: { slug: OWN, from }, as: admin });
    const event = data!.partnership.arrangementsAuditTrail.find(
      (candidate: { requestId: string }) => candidate.requestId === refused.headers.get('x-request-id'),
    );
    expect(event).toMatchObject({ field: 'updateBody', errorCode: 'BAD_USER_INPUT' });
    expect(JSON.parse(event.arguments).input.purpose).toBe('Cut emoji \uFFFD');
  });

  it('finds a partnership through the result when the arguments hold only a uuid', async () => {
    const meeting = (await federation.query(`{ body(id: "${EXECUTIVE}") { meetings { id version } } }`)).data!.body.meetings[0] as {
      id: string;
      version: number;
    };
    const changed = await federation.query(`mutation ($id: ID!) { setMeetingStatus(id: $id, expectedVersion: -1, status: HELD) { id } }`, {
      variables: { id: meeting.id },
      as: admin,
    });
    expect(changed.errors![0]!.extensions!.code).toBe('CONFLICT');
    // Refused before a record came back: the uuid alone names no partnership.
    const rows = await federation.dataSources.arrangements!.query<{ partnership_slugs: string[] }[]>(
      `SELECT partnership_slugs FROM "arrangements"."audit_event" WHERE request_id = $1`,
      [changed.headers.get('x-request-id')],
    );
    expect(rows).toHaveLength(1);
    const scheduled = await federation.query(`mutation { scheduleMeeting(bodyId: "${EXECUTIVE}", input: { date: "2031-03-04" }) { id } }`, { as: admin });
    expect(scheduled.errors).toBeUndefined();
    const { data } = await federation.query(TRAIL, { variables: { slug: OWN, from }, as: admin });
    expect(data!.partnership.arrangementsAuditTrail.map((event: { resultId: string }) => event.resultId)).toContain(scheduled.data!.scheduleMeeting.id);
  });

  it('is kept per subgraph: a crosswalk edit is in thresholdsAuditTrail, found by its prefixed level id', async () => {
    const crosswalk = await federation.query(
      `mutation { updateCrosswalkMapping(levelId: "${OWN}.2019.universal", expectedVersion: -1, input: { regionalLevelIds: ["level-1"], rationale: "Audited", confidence: HIGH }) { version } }`,
      { as: [grant('regional-admin')] },
    );
    expect(crosswalk.errors![0]!.extensions!.code).toBe('CONFLICT');
    const { data, errors } = await federation.query(`{ partnership(slug: "${OWN}") { thresholdsAuditTrail { field errorCode partnershipSlugs } } }`, {
      as: admin,
    });
    expect(errors).toBeUndefined();
    expect(data!.partnership.thresholdsAuditTrail).toEqual(
      expect.arrayContaining([{ field: 'updateCrosswalkMapping', errorCode: 'CONFLICT', partnershipSlugs: [OWN] }]),
    );
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member of the partnership', 'FORBIDDEN', [grant('member', OWN)]],
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'solihull')]],
    ['the forum secretariat', 'FORBIDDEN', [grant('forum-secretariat')]],
  ])('is refused to %s (%s)', async (_who, code, as) => {
    const { data, errors } = await federation.query(TRAIL, { variables: { slug: OWN }, as });
    expect(errors?.map((error) => error.extensions?.code)).toEqual([code]);
    // The trail is null; the partnership arrangements answered stays.
    expect(data?.partnership).toEqual({ arrangementsAuditTrail: null });
  });

  it('refuses a malformed time range', async () => {
    const { errors } = await federation.query(TRAIL, { variables: { slug: OWN, from: 'last tuesday' }, as: admin });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('cannot be edited: the database refuses UPDATE and DELETE on it', async () => {
    const arrangements = federation.dataSources.arrangements!;
    await expect(arrangements.query(`UPDATE "arrangements"."audit_event" SET subject = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(arrangements.query(`DELETE FROM "arrangements"."audit_event"`)).rejects.toThrow(/append-only/);
    expect(Number((await arrangements.query(`SELECT count(*) AS n FROM "arrangements"."audit_event"`))[0].n)).toBeGreaterThan(0);
  });
});

describe('which partnerships an event concerns', () => {
  it('reads slugs from named arguments and from ids prefixed "<slug>."', () => {
    expect(partnershipSlugsOf({ input: { partnershipSlug: 'shropshire', kindId: 'rapid-review', code: 'Child A' } })).toEqual(['shropshire']);
    expect(partnershipSlugsOf({ id: 'telford-and-wrekin.executive', expectedVersion: 3 })).toEqual(['telford-and-wrekin']);
    expect(partnershipSlugsOf({ partnershipSlugs: ['solihull', 'shropshire'] })).toEqual(['shropshire', 'solihull']);
    expect(partnershipSlugsOf({ id: '2670ca44-47bd-4bf7-b20d-d49a5909fb43', text: 'see telford-and-wrekin.executive minutes' })).toEqual([]);
  });

  it('reads a result only at its top level', () => {
    const meeting = { id: 'uuid', bodyId: 'telford-and-wrekin.executive', body: { reportsToId: 'shropshire.board' } };
    expect(partnershipSlugsOf(meeting, 1)).toEqual(['telford-and-wrekin']);
  });
});
