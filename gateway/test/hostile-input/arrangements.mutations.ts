/** Arrangements' mutations under hostile input (see harness.ts). */
import fc from 'fast-check';
import type { Grant } from '@safeguarding/auth';
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { grant, type TestFederation } from '@safeguarding/testkit';
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

/** A record the generators aim at, with the caller who may change it (the others are tried too). */
interface Target {
  id: string;
  editor: Grant[];
}
interface AgendaTarget extends Target {
  itemIds: string[];
}

interface ArrangementsIds extends Record<string, unknown> {
  ownBodies: string[];
  otherBodies: string[];
  ownMeetings: string[];
  otherMeetings: string[];
  /** Meetings with no agenda yet (own and the joint forum's, some past), and other partnerships' ones. */
  unprepared: Target[];
  /** Agendas prepared in loadIds, one set per mutation so that one's writes do not spoil another's ids. */
  agendas: { add: AgendaTarget[]; reorder: AgendaTarget[]; publish: AgendaTarget[]; other: AgendaTarget[] };
  /** Past meetings with no notes yet; future ones (notes come after the meeting); other partnerships' ones. */
  notes: { past: Target[]; future: Target[]; other: Target[] };
  /** Meetings whose notes are open for amendments, closed, or not issued; another partnership's open ones. */
  amendments: { open: Target[]; refused: Target[]; other: Target[] };
  measurableStatements: string[];
  textOnlyStatements: string[];
  // --- partnership facts (system of record)
  /** Lead Safeguarding Partner records with their partnership, own and other partnerships'. */
  leadPartnerRecords: { slug: string; id: string }[];
  /** Scheduled meetings to move (own, the joint forum's, another partnership's). */
  reschedulable: Target[];
  /** Escalation procedures: own ones to revise, own ones to retire, and another partnership's (Telford & Wrekin's seeded one). */
  procedures: { replace: Target[]; retire: Target[]; other: Target[] };
  // --- strategic plans and regional procedures (system of record)
  /** Shropshire's plans and priorities (the seeded plan, 002), and its groups' action plan actions. */
  plans: string[];
  priorities: string[];
  strategicActions: string[];
  regionalProcedures: string[];
  /** Chapter versions that are the latest of their number, and earlier ones. */
  latestChapters: string[];
  earlierChapters: string[];
  /** Shropshire's adoptions (own) and Telford & Wrekin's (other). */
  ownAdoptions: string[];
  otherAdoptions: string[];
  // --- packs
  /** The own partnership's arrangements section as exported: edited by the generators below. */
  packText: string;
}

const FORUM = 'joint.lsp-forum';
const OWN_BODY = 'shropshire.dsp-executive';
const OTHER_BODY = 'telford-and-wrekin.executive';
const secretariat = [grant('forum-secretariat')];
const ownMember = [grant('member', OWN)];
const telfordAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
/** Sees every draft the suite touches, so the current agenda version can be read. */
const draftReader = [grant('forum-secretariat'), ...[OWN, ...OTHERS].map((slug) => grant('partnership-admin', slug))];
/** Which meeting each agenda belongs to: the gateway reads an agenda through its meeting. */
const agendaMeetings = new Map<string, string>();

const hostileOrHalfText = fc.oneof({ arbitrary: hostileText, weight: 9 }, { arbitrary: halfCharacter, weight: 1 });

const shift = (days: number) => {
  const date = new Date(`${todayInEngland()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
};

const bodyVersion = async (federation: TestFederation, id: unknown) => {
  const response = await federation.query(`query ($id: ID!) { body(id: $id) { version } }`, { variables: { id } });
  return response.data?.body?.version as number | undefined;
};
const meetingVersion = async (federation: TestFederation, id: unknown) => {
  const response = await federation.query(`query ($id: ID!) { meeting(id: $id) { version } }`, { variables: { id } });
  return response.data?.meeting?.version as number | undefined;
};
// --- partnership facts (system of record)
const partnershipVersion = async (federation: TestFederation, slug: unknown) => {
  const response = await federation.query(`query ($slug: String!) { partnership(slug: $slug) { version } }`, { variables: { slug } });
  return response.data?.partnership?.version as number | undefined;
};
/** Mostly the own partnership (the default editor's), sometimes another's or none. */
const partnershipSlug = fc.oneof(
  { arbitrary: fc.constant(OWN), weight: 5 },
  { arbitrary: fc.constantFrom(...OTHERS), weight: 2 },
  { arbitrary: wrongId, weight: 1 },
);
/** Agencies in the organisation registry that are Lead Safeguarding Partners somewhere. */
const PARTNER_AGENCIES = ['shropshire-council', 'west-mercia-police', 'shropshire-telford-and-wrekin-icb', 'telford-and-wrekin-council', 'cafcass'];
const agendaVersion = async (federation: TestFederation, id: unknown) => {
  const meetingId = agendaMeetings.get(id as string);
  if (!meetingId) return undefined;
  const response = await federation.query(`query ($id: ID!) { meeting(id: $id) { agenda { version } } }`, { variables: { id: meetingId }, as: draftReader });
  return response.data?.meeting?.agenda?.version as number | undefined;
};
/** A procedure's version, read through its partnership (a retired or not yet valid one is not listed: undefined). */
const procedureVersion = async (federation: TestFederation, id: unknown) => {
  const response = await federation.query(`{ partnerships { escalationProcedures { id version } } }`);
  const procedures = (response.data?.partnerships ?? []) as { escalationProcedures: { id: string; version: number }[] }[];
  return procedures.flatMap((partnership) => partnership.escalationProcedures).find((procedure) => procedure.id === id)?.version;
};
// --- strategic plans and regional procedures (system of record): versions read back by id
const ownPlanVersions = async (federation: TestFederation) => {
  const response = await federation.query(
    `{ partnership(slug: "${OWN}") { strategicPlans { priorities { id version successStatements { id version } } } bodies { strategicActionPlan { actions { id version } } } } }`,
  );
  const partnership = response.data!.partnership as {
    strategicPlans: { priorities: { id: string; version: number; successStatements: { id: string; version: number }[] }[] }[];
    bodies: { strategicActionPlan: { actions: { id: string; version: number }[] } | null }[];
  };
  const priorities = partnership.strategicPlans.flatMap((plan) => plan.priorities);
  return new Map<string, number>([
    ...priorities.map((priority) => [priority.id, priority.version] as const),
    ...priorities.flatMap((priority) => priority.successStatements.map((statement) => [statement.id, statement.version] as const)),
    ...partnership.bodies.flatMap((body) => body.strategicActionPlan?.actions.map((action) => [action.id, action.version] as const) ?? []),
  ]);
};
const planRecordVersion = async (federation: TestFederation, id: unknown) => (await ownPlanVersions(federation)).get(id as string);
const adoptionVersion = async (federation: TestFederation, id: unknown) => {
  const response = await federation.query(`{ regionalProcedures { adoptions { id version } } }`);
  const adoptions = (response.data!.regionalProcedures as { adoptions: { id: string; version: number }[] }[]).flatMap((procedure) => procedure.adoptions);
  return adoptions.find((adoption) => adoption.id === id)?.version;
};
/** Plausible or hostile dates: mostly within Shropshire's 2023-2026 plan, so the later checks are reached. */
const planDate = fc.oneof(
  { arbitrary: fc.date({ min: new Date('2023-04-01T00:00:00Z'), max: new Date('2026-03-31T00:00:00Z'), noInvalidDate: true }).map(isoDay), weight: 4 },
  { arbitrary: hostileDate, weight: 2 },
);
const targetInput = fc.record(
  {
    comparison: fc.constantFrom('ABOVE', 'AT_LEAST', 'REDUCE_BY_AT_LEAST_PERCENT', 'COMPLETED_WITHIN', 'MOST'),
    value: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: -5, max: 2000 }), fc.constantFrom(1e308, -0, 100.5)),
    unit: fc.constantFrom('PERCENT', 'WORKING_DAYS', 'MONTHS', 'YEARS'),
    baselinePeriod: fc.oneof(fc.constant(null), fc.constantFrom('2022-23', '2022-24', '2022/23'), hostileOrHalfText),
    baselineValue: fc.oneof(fc.constant(null), fc.double({ min: -10, max: 120, noNaN: true })),
    measures: fc.oneof(plausibleText, hostileOrHalfText),
  },
  { requiredKeys: ['comparison', 'value', 'unit', 'measures'] },
);
const statementInput = fc.record(
  { text: fc.oneof({ arbitrary: plausibleText, weight: 2 }, { arbitrary: hostileOrHalfText, weight: 3 }), target: fc.oneof(fc.constant(null), targetInput) },
  { requiredKeys: ['text'] },
);
const PRIORITY_KINDS = fc.constantFrom('SYSTEM_PRIORITY', 'STRATEGIC_PRIORITY', 'OTHER_PRIORITY');
const ownGroups = fc.constantFrom(
  'shropshire.tackling-exploitation-group',
  'shropshire.local-domestic-abuse-partnership-board',
  'telford-and-wrekin.executive',
  'shropshire.nothing',
);

async function meetingIds(federation: TestFederation, partnership: string): Promise<string[]> {
  const response = await federation.query(`query ($slug: String!) { partnership(slug: $slug) { bodies { meetings { id } } } }`, {
    variables: { slug: partnership },
  });
  return (response.data!.partnership.bodies as { meetings: { id: string }[] }[]).flatMap((body) => body.meetings.map((meeting) => meeting.id)).slice(0, 30);
}

/** Picks a target (mostly the first list), then a caller that is mostly the target's editor. */
const aimedAt = <T extends Target>(weighted: [T[], number][], variables: (target: T | string) => fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .oneof(...weighted.filter(([targets]) => targets.length > 0).map(([targets, weight]) => ({ arbitrary: fc.constantFrom<T | string>(...targets), weight })), {
      arbitrary: wrongId,
      weight: 1,
    })
    .chain((target) => fc.record({ as: editorMostly(typeof target === 'string' ? callers.ownAdmin : target.editor), variables: variables(target) }));
const idOf = (target: Target | string) => (typeof target === 'string' ? target : target.id);

/** Optional free text: null or hostile (which includes plausible text). */
const optionalText = fc.oneof(fc.constant(null), hostileOrHalfText);
/** Optional free text that is mostly acceptable, so that items with several such fields still reach the write. */
const mostlyPlausible = fc.oneof(
  { arbitrary: plausibleText, weight: 3 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: hostileOrHalfText, weight: 2 },
);
const SUBJECT_TYPENAMES: Record<string, string> = {
  BODY: 'Body',
  MEETING: 'Meeting',
  STRATEGIC_PRIORITY: 'StrategicPriority',
  SUCCESS_STATEMENT: 'SuccessStatement',
  REVIEW: 'Review',
  THEME: 'Theme',
  THRESHOLD_MODEL: 'ThresholdModel',
  REGIONAL_PROCEDURE_CHAPTER: 'RegionalProcedureChapter',
};
const AGENDA_FIELDS = 'id status version publishedVersion hasUnpublishedChanges viewerCanEdit meeting { id }';
const ITEM_FIELDS = `id position section title ownerPartnership { slug } presenterOrganisation { id } presenterPost paperTitle paperSubmittedOn minutesAllotted decisionSought candidateKey
  subject { __typename ... on Body { id } ... on Meeting { id } ... on StrategicPriority { id } ... on SuccessStatement { id } ... on RegionalProcedureChapter { id } ... on Review { id } ... on Theme { id } ... on ThresholdModel { id } }`;

const PROCEDURE_FIELDS = 'id title validFrom validTo version viewerCanEdit partnership { id } steps { position trigger who action timescale }';
/** Steps: mostly one to four plausible ones, else none, too many, hostile text or an over-long action. */
const hostileStep = fc.record(
  {
    trigger: optionalText,
    who: fc.oneof({ arbitrary: plausibleText, weight: 3 }, { arbitrary: hostileOrHalfText, weight: 1 }),
    action: fc.oneof(
      { arbitrary: plausibleText, weight: 3 },
      { arbitrary: hostileOrHalfText, weight: 1 },
      fc.integer({ min: 1990, max: 2010 }).map((length) => 'a'.repeat(length)),
    ),
    timescale: optionalText,
  },
  { requiredKeys: ['who', 'action'] },
);
const hostileSteps = fc.oneof(
  { arbitrary: fc.array(hostileStep, { minLength: 1, maxLength: 4 }), weight: 6 },
  { arbitrary: fc.constant([]), weight: 1 },
  { arbitrary: fc.array(hostileStep, { minLength: 21, maxLength: 22 }), weight: 1 },
);
/** The stored steps are the ones sent, trimmed, numbered from 1. */
function expectSteps(sent: Record<string, any>[], stored: Record<string, any>[]) {
  expect(stored).toEqual(
    sent.map((step, index) => ({
      position: index + 1,
      trigger: trimmed(step.trigger ?? null),
      who: trimmed(step.who),
      action: trimmed(step.action),
      timescale: trimmed(step.timescale ?? null),
    })),
  );
}

export const arrangementsSuite: HostileInputSuite<ArrangementsIds> = {
  only: ['arrangements'],
  async loadIds(federation) {
    const ask = async (document: string, variables: Record<string, unknown>, as?: Grant[]) => {
      const response = await federation.query(document, { variables, as });
      if (response.errors?.length) throw new Error(`Preparing the hostile-input ids failed: ${JSON.stringify(response.errors)}`);
      return response.data!;
    };
    const bodies = async (slug: string) =>
      ((await ask(`query ($slug: String!) { partnership(slug: $slug) { bodies { id } } }`, { slug })).partnership.bodies as { id: string }[]).map(
        (body) => body.id,
      );
    // Bodies shared between partnerships would be both "own" and "other"; keep them "own".
    const own = await bodies(OWN);
    const ownMeetings = await meetingIds(federation, OWN);
    const otherMeetings = (await Promise.all(OTHERS.map((slug) => meetingIds(federation, slug)))).flat().filter((id) => !ownMeetings.includes(id));

    // Seeded meetings up to today, newest first: notes can be issued for them.
    const pastOf = async (bodyId: string) =>
      (
        (await ask(`query ($id: ID!, $today: Date!) { body(id: $id) { meetings(to: $today) { id } } }`, { id: bodyId, today: shift(0) })).body.meetings as {
          id: string;
        }[]
      )
        .map((meeting) => meeting.id)
        .reverse();
    const [ownPast, forumPast, otherPast] = await Promise.all([pastOf(OWN_BODY), pastOf(FORUM), pastOf(OTHER_BODY)]);

    // Meetings made relative to today, so the suite does not depend on where the seed's dates fall;
    // extraordinary, so that they never clash with a seeded meeting on the day the suite runs.
    const schedule = async (bodyId: string, days: number, as: Grant[] = callers.ownAdmin) =>
      (
        await ask(
          `mutation ($bodyId: ID!, $date: Date!) { scheduleMeeting(bodyId: $bodyId, input: { date: $date, extraordinary: true }) { id } }`,
          { bodyId, date: shift(days) },
          as,
        )
      ).scheduleMeeting.id as string;
    const prepare = async (meetingId: string, editor: Grant[], titles: string[]): Promise<AgendaTarget> => {
      const id = (await ask(`mutation ($id: ID!) { prepareAgenda(meetingId: $id) { id } }`, { id: meetingId }, editor)).prepareAgenda.id as string;
      agendaMeetings.set(id, meetingId);
      let itemIds: string[] = [];
      for (const title of titles) {
        const added = await ask(
          `mutation ($id: ID!, $input: AgendaItemInput!) { addAgendaItem(agendaId: $id, input: $input) { items { id } } }`,
          { id, input: { title, minutesAllotted: 10 } },
          editor,
        );
        itemIds = (added.addAgendaItem.items as { id: string }[]).map((item) => item.id);
      }
      return { id, editor, itemIds };
    };
    const issue = (meetingId: string, editor: Grant[]) =>
      ask(`mutation ($id: ID!) { issueDraftActionNotes(meetingId: $id, text: "1. Actions agreed.") { issuedOn } }`, { id: meetingId }, editor);

    const ownAt = (days: number) => schedule(OWN_BODY, days);
    const forumAt = (days: number) => schedule(FORUM, days);
    const agendas = {
      add: [await prepare(await ownAt(20), callers.ownAdmin, ['Welcome']), await prepare(await forumAt(20), secretariat, ['Welcome'])],
      reorder: [
        await prepare(await ownAt(21), callers.ownAdmin, ['One', 'Two', 'Three', 'Four']),
        await prepare(await forumAt(21), secretariat, ['One', 'Two', 'Three']),
      ],
      // The last has no items: publishing it is refused.
      publish: [
        await prepare(await ownAt(22), callers.ownAdmin, ['One', 'Two']),
        await prepare(await forumAt(22), secretariat, ['One']),
        await prepare(await ownAt(23), callers.ownAdmin, []),
      ],
      // Telford & Wrekin's: own callers are refused.
      other: [{ ...(await prepare(await schedule(OTHER_BODY, 20, telfordAdmin), telfordAdmin, ['One', 'Two'])), editor: callers.ownAdmin }],
    };

    const [openOwn, openForum, noNotes, openOther] = [await ownAt(-3), await forumAt(-4), await ownAt(-2), await schedule(OTHER_BODY, -3, telfordAdmin)];
    await issue(openOwn, callers.ownAdmin);
    await issue(openForum, secretariat);
    await issue(openOther, telfordAdmin);
    // An old meeting's notes: the amendment window has closed. Kept out of the issuing targets.
    const closed = ownPast.pop()!;
    await issue(closed, callers.ownAdmin);

    const plan = await ask(`{ partnership(slug: "${OWN}") { strategicPriorities(asOf: "2025-06-01") { successStatements { id measurable } } } }`, {});
    const statements = (plan.partnership.strategicPriorities as { successStatements: { id: string; measurable: boolean }[] }[]).flatMap(
      (priority) => priority.successStatements,
    );

    // --- strategic plans and regional procedures (system of record)
    const sor = await ask(
      `{ partnership(slug: "${OWN}") { strategicPlans { id priorities { id } } bodies { strategicActionPlan { actions { id } } } }
         regionalProcedures { id chapters { id versions { id isLatest } } adoptions { id partnership { slug } } } }`,
      {},
    );
    const procedures = sor.regionalProcedures as {
      id: string;
      chapters: { versions: { id: string; isLatest: boolean }[] }[];
      adoptions: { id: string; partnership: { slug: string } }[];
    }[];
    const chapterVersions = procedures.flatMap((procedure) => procedure.chapters.flatMap((chapter) => chapter.versions));
    const adoptions = procedures.flatMap((procedure) => procedure.adoptions);

    const editedBy = (editor: Grant[]) => (id: string) => ({ id, editor });
    const procedure = async (title: string) =>
      (
        await ask(
          `mutation ($input: CreateEscalationProcedureInput!) { createEscalationProcedure(partnershipSlug: "${OWN}", input: $input) { id } }`,
          { input: { title, steps: [{ who: 'The practitioners', action: 'Discuss' }] } },
          callers.ownAdmin,
        )
      ).createEscalationProcedure.id as string;
    const telfordProcedures = (await ask(`{ partnership(slug: "telford-and-wrekin") { escalationProcedures { id } } }`, {})).partnership
      .escalationProcedures as { id: string }[];
    return {
      ownBodies: own,
      otherBodies: (await Promise.all(OTHERS.map(bodies))).flat().filter((id) => !own.includes(id)),
      ownMeetings,
      otherMeetings,
      unprepared: [
        ...[await ownAt(30), await ownAt(31), await ownAt(-10)].map(editedBy(callers.ownAdmin)),
        ...[await forumAt(30), await forumAt(-10)].map(editedBy(secretariat)),
        ...[await schedule(OTHER_BODY, 30, telfordAdmin)].map(editedBy(callers.ownAdmin)),
      ],
      agendas,
      notes: {
        past: [...ownPast.slice(0, 4).map(editedBy(callers.ownAdmin)), ...forumPast.slice(0, 2).map(editedBy(secretariat))],
        future: [
          { id: await ownAt(40), editor: callers.ownAdmin },
          { id: await forumAt(40), editor: secretariat },
        ],
        other: otherPast.slice(0, 2).map(editedBy(callers.ownAdmin)),
      },
      amendments: {
        open: [
          { id: openOwn, editor: ownMember },
          { id: openForum, editor: [grant('member', 'telford-and-wrekin')] },
        ],
        refused: [closed, noNotes].map(editedBy(ownMember)),
        other: [{ id: openOther, editor: ownMember }],
      },
      measurableStatements: statements.filter((statement) => statement.measurable).map((statement) => statement.id),
      textOnlyStatements: statements.filter((statement) => !statement.measurable).map((statement) => statement.id),
      // --- partnership facts (system of record)
      leadPartnerRecords: (
        await Promise.all(
          [OWN, ...OTHERS].map(async (slug) =>
            (
              (await ask(`query ($slug: String!) { partnership(slug: $slug) { leadSafeguardingPartners { id } } }`, { slug })).partnership
                .leadSafeguardingPartners as { id: string }[]
            ).map(({ id }) => ({ slug, id })),
          ),
        )
      ).flat(),
      reschedulable: [
        ...[await ownAt(60), await ownAt(61), await ownAt(62)].map(editedBy(callers.ownAdmin)),
        ...[await forumAt(60)].map(editedBy(secretariat)),
        ...[await schedule(OTHER_BODY, 60, telfordAdmin)].map(editedBy(callers.ownAdmin)),
      ],
      procedures: {
        replace: [await procedure('Escalation policy'), await procedure('Resolving professional disagreements')].map(editedBy(callers.ownAdmin)),
        retire: [await procedure('Policy to retire'), await procedure('Another policy to retire')].map(editedBy(callers.ownAdmin)),
        other: telfordProcedures.map((p) => p.id).map(editedBy(callers.ownAdmin)),
      },
      plans: (sor.partnership.strategicPlans as { id: string }[]).map((plan) => plan.id),
      priorities: (sor.partnership.strategicPlans as { priorities: { id: string }[] }[]).flatMap((plan) => plan.priorities.map((priority) => priority.id)),
      strategicActions: (sor.partnership.bodies as { strategicActionPlan: { actions: { id: string }[] } | null }[]).flatMap(
        (body) => body.strategicActionPlan?.actions.map((action) => action.id) ?? [],
      ),
      regionalProcedures: procedures.map((procedure) => procedure.id),
      latestChapters: chapterVersions.filter((chapter) => chapter.isLatest).map((chapter) => chapter.id),
      earlierChapters: chapterVersions.filter((chapter) => !chapter.isLatest).map((chapter) => chapter.id),
      ownAdoptions: adoptions.filter((adoption) => adoption.partnership.slug === OWN).map((adoption) => adoption.id),
      otherAdoptions: adoptions.filter((adoption) => adoption.partnership.slug !== OWN).map((adoption) => adoption.id),
      packText: (await ask(`query ($scope: String!) { arrangementsPackSection(scope: $scope) { text } }`, { scope: OWN }, callers.regionalAdmin))
        .arrangementsPackSection.text as string,
    };
  },
  mutations: [
    {
      name: 'applyArrangementsPackSection',
      schema: 'arrangements',
      document: `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
        applyArrangementsPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            scope: fc.oneof({ arbitrary: fc.constant(OWN), weight: 6 }, fc.constantFrom(...OTHERS, 'regional'), wrongId),
            // The exported text as it stands, with a hostile body name (quoted as JSON, so still YAML), or hostile text itself.
            text: fc.oneof(
              { arbitrary: fc.constant(ids.packText), weight: 2 },
              {
                arbitrary: hostileOrHalfText.map((name) => ids.packText.replace(/\n {4}name: [^\n]*/, `\n    name: ${JSON.stringify(name)}`)),
                weight: 3,
              },
              { arbitrary: hostileOrHalfText, weight: 2 },
            ),
            dryRun: fc.boolean(),
          }),
        }),
      accepted(variables, data) {
        expect(data.applyArrangementsPackSection).toMatchObject({ scope: variables.scope, section: 'arrangements', applied: !variables.dryRun });
      },
    },
    {
      name: 'updateBody',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateBodyInput!) {
        updateBody(id: $id, expectedVersion: $expectedVersion, input: $input) { id name purpose validTo meetingFrequency { meetingsPerYear description period } version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
              { arbitrary: wrongId, weight: 2 },
            ),
            expectedVersion: version,
            input: fc.record(
              {
                name: hostileOrHalfText,
                purpose: fc.oneof(
                  hostileOrHalfText,
                  fc.integer({ min: 3990, max: 4100 }).map((length) => 'p'.repeat(length)),
                ),
                validTo: hostileDate,
                meetingFrequency: fc.record({
                  meetingsPerYear: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom(0, 53, 2_147_483_647, -2_147_483_648)),
                  description: hostileOrHalfText,
                  period: fc.constantFrom('CALENDAR_YEAR', 'FINANCIAL_YEAR', 'LUNAR_YEAR'),
                }),
              },
              { requiredKeys: [] },
            ),
          }),
        }),
      currentVersion: (federation, variables) => bodyVersion(federation, variables.id),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        if (input.name !== undefined) expect(data.updateBody.name).toBe(trimmed(input.name));
        if (input.purpose !== undefined) expect(data.updateBody.purpose).toBe(trimmed(input.purpose));
        if (input.validTo !== undefined) expect(data.updateBody.validTo).toBe(input.validTo);
        if (input.meetingFrequency !== undefined) expect(data.updateBody.meetingFrequency.description).toBe(trimmed(input.meetingFrequency.description));
      },
    },
    {
      name: 'scheduleMeeting',
      schema: 'arrangements',
      document: `mutation ($bodyId: ID!, $input: ScheduleMeetingInput!) {
        scheduleMeeting(bodyId: $bodyId, input: $input) { id date startTime location virtual status body { id } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            bodyId: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
              { arbitrary: wrongId, weight: 2 },
            ),
            input: fc.record(
              {
                date: hostileDate,
                startTime: fc.oneof(fc.constantFrom('10:00', '23:59', '24:00', '9:30', '10:60', '10:00:00', "10:00'; --", ''), hostileOrHalfText),
                location: hostileOrHalfText,
                virtual: fc.boolean(),
              },
              { requiredKeys: ['date'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.scheduleMeeting.body.id).toBe(variables.bodyId);
        expect(data.scheduleMeeting.date).toBe(input.date);
        if (input.location !== undefined) expect(data.scheduleMeeting.location).toBe(trimmed(input.location));
      },
    },
    {
      name: 'setMeetingStatus',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $status: MeetingStatus!) {
        setMeetingStatus(id: $id, expectedVersion: $expectedVersion, status: $status) { id status version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownMeetings), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherMeetings), weight: 2 },
              { arbitrary: wrongId, weight: 3 },
            ),
            expectedVersion: version,
            status: fc.constantFrom('SCHEDULED', 'HELD', 'CANCELLED', 'DELETED', 'held', ''),
          }),
        }),
      currentVersion: (federation, variables) => meetingVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.setMeetingStatus.status).toBe(variables.status);
      },
    },
    {
      name: 'prepareAgenda',
      schema: 'arrangements',
      document: `mutation ($meetingId: ID!) { prepareAgenda(meetingId: $meetingId) { ${AGENDA_FIELDS} items { id } } }`,
      call: (ids) =>
        // Seeded meetings include cancelled ones (and setMeetingStatus, run earlier, cancels more); the forum's need the secretariat.
        aimedAt(
          [
            [ids.unprepared, 5],
            [ids.ownMeetings.map((id) => ({ id, editor: callers.ownAdmin })), 2],
            [ids.otherMeetings.map((id) => ({ id, editor: callers.ownAdmin })), 1],
          ],
          (target) => fc.record({ meetingId: fc.constant(idOf(target)) }),
        ),
      accepted(variables, data) {
        expect(data.prepareAgenda.meeting.id).toBe(variables.meetingId);
        expect(data.prepareAgenda.viewerCanEdit).toBe(true);
        expect(data.prepareAgenda.version).toBeGreaterThanOrEqual(1);
      },
    },
    {
      name: 'addAgendaItem',
      schema: 'arrangements',
      document: `mutation ($agendaId: ID!, $input: AgendaItemInput!) { addAgendaItem(agendaId: $agendaId, input: $input) { ${AGENDA_FIELDS} items { ${ITEM_FIELDS} } } }`,
      call: (ids) =>
        aimedAt(
          [
            [ids.agendas.add, 6],
            [ids.agendas.other, 1],
          ],
          (target) =>
            fc.record({
              agendaId: fc.constant(idOf(target)),
              input: fc
                .tuple(
                  fc.record(
                    {
                      title: fc.oneof(plausibleText, hostileOrHalfText, hostileOrHalfText),
                      // Only the joint forum keeps separate children's and adults' time among these bodies.
                      section: fc.oneof({ arbitrary: fc.constant('JOINT'), weight: 3 }, fc.constantFrom('CHILDREN', 'ADULTS', 'BOTH')),
                      ownerPartnershipSlug: fc.oneof({ arbitrary: fc.constantFrom(OWN, null), weight: 3 }, fc.constantFrom(...OTHERS), hostileOrHalfText),
                      presenterOrganisationId: fc.oneof({ arbitrary: fc.constantFrom('west-mercia-police', 'shropshire-council', null), weight: 3 }, wrongId),
                      presenterPost: mostlyPlausible,
                      paperTitle: mostlyPlausible,
                      paperSubmittedOn: fc.oneof(fc.constant(null), fc.integer({ min: -30, max: 30 }).map(shift), hostileDate),
                      minutesAllotted: fc.oneof(
                        { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 4 },
                        fc.integer({ min: -5, max: 500 }),
                        fc.constantFrom(0, 481, 2_147_483_647, -2_147_483_648),
                      ),
                      decisionSought: fc.oneof(
                        { arbitrary: mostlyPlausible, weight: 4 },
                        fc.integer({ min: 1990, max: 2010 }).map((length) => 'd'.repeat(length)),
                      ),
                      // A repeated key is refused with CONFLICT: a candidate goes on an agenda once.
                      candidateKey: fc.oneof(
                        { arbitrary: fc.constant(null), weight: 3 },
                        { arbitrary: fc.uuid().map((uuid) => `red:${uuid}`), weight: 2 },
                        fc.constantFrom('missed-cadence:shropshire.dsp-executive', 'red:statement'),
                        hostileOrHalfText,
                      ),
                    },
                    { requiredKeys: ['title', 'minutesAllotted'] },
                  ),
                  fc.oneof(
                    { arbitrary: fc.constant({}), weight: 3 },
                    {
                      arbitrary: fc.record({
                        subjectType: fc.constantFrom(
                          'BODY',
                          'MEETING',
                          'STRATEGIC_PRIORITY',
                          'SUCCESS_STATEMENT',
                          'REVIEW',
                          'THEME',
                          'THRESHOLD_MODEL',
                          'REGIONAL_PROCEDURE_CHAPTER',
                          'NOT_A_TYPE',
                        ),
                        subjectId: fc.oneof(fc.constantFrom(...ids.ownBodies, ...ids.ownMeetings), wrongId),
                      }),
                      weight: 2,
                    },
                    // One without the other is refused.
                    {
                      arbitrary: fc.record(
                        { subjectType: fc.constantFrom('BODY', 'MEETING'), subjectId: fc.constantFrom(...ids.ownBodies) },
                        { requiredKeys: [] },
                      ),
                      weight: 1,
                    },
                  ),
                )
                .map(([input, subject]) => ({ ...input, ...subject })),
            }),
        ),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const agenda = data.addAgendaItem;
        const item = agenda.items[agenda.items.length - 1];
        expect(agenda.status).toBe('DRAFT');
        expect(item.position).toBe(agenda.items.length);
        expect(item.title).toBe(trimmed(input.title));
        expect(item.section).toBe(input.section ?? 'JOINT');
        expect(item.ownerPartnership?.slug ?? null).toBe(input.ownerPartnershipSlug ?? null);
        expect(item.presenterOrganisation?.id ?? null).toBe(input.presenterOrganisationId ?? null);
        expect(item.presenterPost).toBe(trimmed(input.presenterPost ?? null));
        expect(item.paperTitle).toBe(trimmed(input.paperTitle ?? null));
        expect(item.paperSubmittedOn).toBe(input.paperSubmittedOn ?? null);
        expect(item.minutesAllotted).toBe(input.minutesAllotted);
        expect(item.decisionSought).toBe(trimmed(input.decisionSought ?? null));
        expect(item.candidateKey).toBe(trimmed(input.candidateKey ?? null));
        // A subject that names nothing resolves to null; one that does is the entity sent.
        if (input.subjectType == null) expect(item.subject).toBeNull();
        else if (item.subject) expect(item.subject).toEqual({ __typename: SUBJECT_TYPENAMES[input.subjectType], id: trimmed(input.subjectId) });
      },
    },
    {
      name: 'reorderAgenda',
      schema: 'arrangements',
      document: `mutation ($agendaId: ID!, $expectedVersion: Int!, $itemIds: [ID!]!) {
        reorderAgenda(agendaId: $agendaId, expectedVersion: $expectedVersion, itemIds: $itemIds) { ${AGENDA_FIELDS} items { id position } }
      }`,
      call: (ids) => {
        const everyItem = Object.values(ids.agendas).flatMap((agendas) => agendas.flatMap((agenda) => agenda.itemIds));
        return aimedAt(
          [
            [ids.agendas.reorder, 6],
            [ids.agendas.other, 1],
          ],
          (target) => {
            const items = typeof target === 'string' ? [] : target.itemIds;
            const foreign = everyItem.filter((id) => !items.includes(id));
            const permutation = fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
            return fc.record({
              agendaId: fc.constant(idOf(target)),
              expectedVersion: version,
              // Mostly every item once (so the version check and the write are reached), else one missing, repeated, foreign or wrong.
              itemIds: fc.oneof(
                { arbitrary: permutation, weight: 6 },
                { arbitrary: fc.shuffledSubarray(items, { maxLength: Math.max(0, items.length - 1) }), weight: 1 },
                { arbitrary: permutation.map((order) => [...order, ...order.slice(0, 1)]), weight: 1 },
                { arbitrary: fc.tuple(permutation, fc.constantFrom(...foreign)).map(([order, other]) => [...order.slice(1), other]), weight: 1 },
                { arbitrary: fc.tuple(permutation, wrongId).map(([order, wrong]) => [...order.slice(1), wrong]), weight: 1 },
              ),
            });
          },
        );
      },
      currentVersion: (federation, variables) => agendaVersion(federation, variables.agendaId),
      accepted(variables, data) {
        expect(data.reorderAgenda.items.map((item: { id: string }) => item.id)).toEqual(variables.itemIds);
        expect(data.reorderAgenda.items.map((item: { position: number }) => item.position)).toEqual(
          variables.itemIds.map((_id: string, index: number) => index + 1),
        );
        expect(data.reorderAgenda.version).toBe(variables.expectedVersion + 1);
        expect(data.reorderAgenda.status).toBe('DRAFT');
      },
    },
    {
      name: 'publishAgenda',
      schema: 'arrangements',
      document: `mutation ($agendaId: ID!, $expectedVersion: Int!, $changeNote: String) {
        publishAgenda(agendaId: $agendaId, expectedVersion: $expectedVersion, changeNote: $changeNote) {
          ${AGENDA_FIELDS} items { id } versions { number changeNote items { id } }
        }
      }`,
      call: (ids) =>
        // Each agenda publishes once; the next try finds nothing changed. The empty one has nothing to publish.
        aimedAt(
          [
            [[...ids.agendas.publish, ...ids.agendas.add, ...ids.agendas.reorder], 6],
            [ids.agendas.other, 1],
          ],
          (target) =>
            fc.record(
              {
                agendaId: fc.constant(idOf(target)),
                expectedVersion: version,
                changeNote: fc.oneof(
                  optionalText,
                  fc.integer({ min: 990, max: 1010 }).map((length) => 'n'.repeat(length)),
                ),
              },
              { requiredKeys: ['agendaId', 'expectedVersion'] },
            ),
        ),
      currentVersion: (federation, variables) => agendaVersion(federation, variables.agendaId),
      accepted(variables, data) {
        const agenda = data.publishAgenda;
        const latest = agenda.versions[agenda.versions.length - 1];
        expect(agenda).toMatchObject({ status: 'PUBLISHED', hasUnpublishedChanges: false, version: variables.expectedVersion + 1 });
        expect(latest.number).toBe(agenda.publishedVersion);
        expect(latest.changeNote).toBe(variables.changeNote == null ? (latest.number === 1 ? 'First publication' : null) : trimmed(variables.changeNote));
        expect(latest.items.map((item: { id: string }) => item.id)).toEqual(agenda.items.map((item: { id: string }) => item.id));
      },
    },
    {
      name: 'issueDraftActionNotes',
      schema: 'arrangements',
      document: `mutation ($meetingId: ID!, $text: String!) {
        issueDraftActionNotes(meetingId: $meetingId, text: $text) { text issuedOn issuedLate amendmentRequestsCloseOn stage amendmentRequests { request } }
      }`,
      call: (ids) =>
        // Past meetings take notes once (then CONFLICT); future ones none yet.
        aimedAt(
          [
            [ids.notes.past, 6],
            [ids.notes.future, 1],
            [ids.notes.other, 1],
          ],
          (target) =>
            fc.record({
              meetingId: fc.constant(idOf(target)),
              text: fc.oneof(
                { arbitrary: hostileOrHalfText, weight: 4 },
                fc.integer({ min: 49_990, max: 50_010 }).map((length) => 't'.repeat(length)),
              ),
            }),
        ),
      accepted(variables, data) {
        const notes = data.issueDraftActionNotes;
        expect(notes.text).toBe(trimmed(variables.text));
        expect(notes.issuedOn).toBe(todayInEngland());
        expect(notes.amendmentRequests).toEqual([]);
        expect(notes.stage).toBe(notes.issuedOn <= notes.amendmentRequestsCloseOn ? 'AMENDMENTS_OPEN' : 'RECORD');
      },
    },
    {
      name: 'requestActionNotesAmendment',
      schema: 'arrangements',
      document: `mutation ($meetingId: ID!, $request: String!) {
        requestActionNotesAmendment(meetingId: $meetingId, request: $request) { text stage amendmentRequests { requestedOn requestedBy request } }
      }`,
      call: (ids) =>
        // Members of the body's partnerships may ask while the window is open; closed windows and missing notes are refused.
        aimedAt(
          [
            [ids.amendments.open, 6],
            [ids.amendments.refused, 2],
            [ids.amendments.other, 1],
          ],
          (target) =>
            fc.record({
              meetingId: fc.constant(idOf(target)),
              request: fc.oneof(
                { arbitrary: hostileOrHalfText, weight: 4 },
                fc.integer({ min: 4990, max: 5010 }).map((length) => 'r'.repeat(length)),
              ),
            }),
        ),
      accepted(variables, data) {
        const notes = data.requestActionNotesAmendment;
        const latest = notes.amendmentRequests[notes.amendmentRequests.length - 1];
        expect(notes.stage).toBe('AMENDMENTS_OPEN');
        expect(latest).toEqual({ requestedOn: todayInEngland(), requestedBy: expect.any(String), request: trimmed(variables.request) });
      },
    },
    {
      name: 'recordSuccessMeasurement',
      schema: 'arrangements',
      document: `mutation ($statementId: ID!, $measuredOn: Date!, $value: Float!) {
        recordSuccessMeasurement(statementId: $statementId, measuredOn: $measuredOn, value: $value) { id measurable measurements { measuredOn value } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            statementId: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.measurableStatements), weight: 6 },
              { arbitrary: fc.constantFrom(...ids.textOnlyStatements), weight: 1 },
              { arbitrary: wrongId, weight: 2 },
            ),
            // Mostly past days (a few repeated, for CONFLICT); hostile dates include the future.
            measuredOn: fc.oneof(
              { arbitrary: fc.integer({ min: 0, max: 1500 }).map((days) => shift(-days)), weight: 3 },
              { arbitrary: fc.constantFrom('2025-03-31', '2025-09-30'), weight: 2 },
              { arbitrary: hostileDate, weight: 2 },
            ),
            // Every measurable target here is a percentage (or a share completed on time): 0 to 100.
            value: fc.oneof(
              { arbitrary: fc.double({ min: 0, max: 100, noNaN: true }), weight: 5 },
              { arbitrary: fc.constantFrom(-1, -Number.EPSILON, 100.000001, 1e308, -1e308, Number.MIN_VALUE, 0, 100), weight: 2 },
              { arbitrary: fc.double(), weight: 1 },
            ),
          }),
        }),
      accepted(variables, data) {
        const statement = data.recordSuccessMeasurement;
        expect(statement).toMatchObject({ id: variables.statementId, measurable: true });
        const stored = statement.measurements.filter((measurement: { measuredOn: string }) => measurement.measuredOn === variables.measuredOn);
        // JSON carries -0 as 0, hence the + 0.
        expect(stored.map((measurement: { value: number }) => measurement.value)).toEqual([variables.value + 0]);
      },
    },
    // --- bodies (system of record)
    {
      name: 'createBody',
      schema: 'arrangements',
      document: `mutation ($input: CreateBodyInput!) {
        createBody(input: $input) { id name kind purpose validFrom version partnerships { slug } reportingLines { parent { id } kind } quorumRule { requiredOrganisations { id } } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            input: fc.record(
              {
                partnershipSlug: fc.oneof(
                  { arbitrary: fc.constant(OWN), weight: 6 },
                  { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
                  { arbitrary: hostileText, weight: 1 },
                ),
                slug: fc.oneof({ arbitrary: fc.stringMatching(/^[a-z]{1,12}(-[a-z0-9]{1,8}){0,3}$/), weight: 6 }, { arbitrary: hostileText, weight: 2 }),
                name: mostlyPlausible.map((text) => text ?? 'Task group'),
                kind: fc.constantFrom('THEMATIC_GROUP', 'STANDING_GROUP', 'TASK_AND_FINISH_GROUP', 'NOT_A_KIND'),
                purpose: fc.oneof(
                  mostlyPlausible.map((text) => text ?? 'A purpose'),
                  fc.integer({ min: 3990, max: 4100 }).map((length) => 'p'.repeat(length)),
                ),
                validFrom: fc.oneof({ arbitrary: fc.integer({ min: -2000, max: 400 }).map(shift), weight: 4 }, { arbitrary: hostileDate, weight: 1 }),
                meetingFrequency: fc.record({
                  meetingsPerYear: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom(0, 53, 2_147_483_647)),
                  description: mostlyPlausible.map((text) => text ?? 'monthly'),
                  period: fc.constantFrom('CALENDAR_YEAR', 'FINANCIAL_YEAR', 'LUNAR_YEAR'),
                }),
                quorumRule: fc.record({
                  kind: fc.constantFrom('ALL_STATUTORY_PARTNERS_REPRESENTED', 'NOT_STATED'),
                  namedDeputyCounts: fc.boolean(),
                  requiredOrganisationIds: fc.array(
                    fc.oneof(fc.constantFrom('shropshire-council', 'west-mercia-police', 'shropshire-telford-and-wrekin-icb', 'west-midlands-police'), wrongId),
                    { maxLength: 4 },
                  ),
                  statutoryPartnersInKeyDecisions: fc.boolean(),
                  unexplainedAbsenceReported: fc.boolean(),
                  description: mostlyPlausible.map((text) => text ?? 'Quorate with all partners.'),
                }),
                reportingLines: fc.array(
                  fc.record({
                    parentId: fc.oneof({ arbitrary: fc.constantFrom(...ids.ownBodies), weight: 4 }, { arbitrary: wrongId, weight: 1 }),
                    kind: fc.constantFrom('REPORTS_TO', 'ACCOUNTABLE_TO', 'PROVIDES_ASSURANCE_TO'),
                  }),
                  { maxLength: 3 },
                ),
                closeRelationships: fc.array(fc.oneof(fc.constantFrom(...ids.ownBodies), wrongId), { maxLength: 2 }),
              },
              { requiredKeys: ['partnershipSlug', 'slug', 'name', 'kind', 'purpose', 'validFrom'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.createBody).toMatchObject({
          id: `${input.partnershipSlug}.${input.slug}`,
          name: trimmed(input.name),
          kind: input.kind,
          validFrom: input.validFrom,
          version: 1,
        });
        expect(data.createBody.partnerships).toEqual([{ slug: input.partnershipSlug }]);
      },
    },
    {
      name: 'changeBody',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $effectiveFrom: Date!, $input: BodyTermsInput!) {
        changeBody(id: $id, expectedVersion: $expectedVersion, effectiveFrom: $effectiveFrom, input: $input) { id termsFrom version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
              { arbitrary: wrongId, weight: 2 },
            ),
            expectedVersion: version,
            effectiveFrom: fc.oneof({ arbitrary: fc.integer({ min: -400, max: 4000 }).map(shift), weight: 4 }, { arbitrary: hostileDate, weight: 1 }),
            input: fc.record(
              {
                kind: fc.constantFrom('THEMATIC_GROUP', 'STANDING_GROUP', 'NOT_A_KIND'),
                purpose: hostileOrHalfText,
                meetingFrequency: fc.record({
                  meetingsPerYear: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom(0, 53)),
                  description: hostileOrHalfText,
                  period: fc.constantFrom('CALENDAR_YEAR', 'FINANCIAL_YEAR'),
                }),
                chairRule: fc.record({
                  appointedFrom: fc.constantFrom('NAMED_ORGANISATION', 'MEMBERS', 'INDEPENDENT'),
                  organisationId: fc.oneof(fc.constant(null), fc.constant('west-mercia-police'), wrongId),
                  termMonths: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 130 })),
                  termAlignedToFinancialYear: fc.boolean(),
                  noConsecutiveTermsSameOrganisation: fc.boolean(),
                  viceChairFromDifferentOrganisation: fc.boolean(),
                  viceChairSucceeds: fc.boolean(),
                  description: hostileOrHalfText,
                }),
              },
              { requiredKeys: [] },
            ),
          }),
        }),
      currentVersion: (federation, variables) => bodyVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.changeBody).toMatchObject({ id: variables.id, termsFrom: variables.effectiveFrom });
      },
    },
    {
      name: 'correctBody',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $asOf: Date, $input: BodyTermsInput!) {
        correctBody(id: $id, expectedVersion: $expectedVersion, asOf: $asOf, input: $input) { id version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record(
            {
              id: fc.oneof(
                { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
                { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
                { arbitrary: wrongId, weight: 2 },
              ),
              expectedVersion: version,
              asOf: fc.oneof(fc.constant(null), hostileDate),
              input: fc.record(
                {
                  purpose: fc.oneof(
                    hostileOrHalfText,
                    fc.integer({ min: 3990, max: 4100 }).map((length) => 'p'.repeat(length)),
                  ),
                  quorumRule: fc.record({
                    kind: fc.constantFrom('ALL_STATUTORY_PARTNERS_REPRESENTED', 'NOT_STATED'),
                    namedDeputyCounts: fc.boolean(),
                    requiredOrganisationIds: fc.array(fc.oneof(fc.constantFrom('shropshire-council', 'west-mercia-police', 'west-midlands-police'), wrongId), {
                      maxLength: 3,
                    }),
                    statutoryPartnersInKeyDecisions: fc.boolean(),
                    unexplainedAbsenceReported: fc.boolean(),
                    description: hostileOrHalfText,
                  }),
                },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: ['id', 'expectedVersion', 'input'] },
          ),
        }),
      currentVersion: (federation, variables) => bodyVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.correctBody.id).toBe(variables.id);
      },
    },
    {
      name: 'changeReportingLines',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $effectiveFrom: Date!, $lines: [ReportingLineInput!]!) {
        changeReportingLines(id: $id, expectedVersion: $expectedVersion, effectiveFrom: $effectiveFrom, lines: $lines) { id version reportingLines { parent { id } kind validFrom validTo } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
              { arbitrary: wrongId, weight: 2 },
            ),
            expectedVersion: version,
            effectiveFrom: fc.oneof({ arbitrary: fc.integer({ min: -400, max: 4000 }).map(shift), weight: 4 }, { arbitrary: hostileDate, weight: 1 }),
            lines: fc.array(
              fc.record({
                parentId: fc.oneof(
                  { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
                  { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 1 },
                  { arbitrary: wrongId, weight: 1 },
                ),
                kind: fc.constantFrom('REPORTS_TO', 'ACCOUNTABLE_TO', 'PROVIDES_ASSURANCE_TO', 'SIDEWAYS'),
              }),
              { maxLength: 12 },
            ),
          }),
        }),
      currentVersion: (federation, variables) => bodyVersion(federation, variables.id),
      accepted(variables, data) {
        const lines = data.changeReportingLines.reportingLines as { parent: { id: string }; kind: string; validTo: string | null }[];
        for (const line of variables.lines as { parentId: string; kind: string }[])
          expect(lines.some((held) => held.parent.id === line.parentId && held.kind === line.kind && held.validTo === null)).toBe(true);
      },
    },
    {
      name: 'shareBody',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $partnershipSlug: String!) {
        shareBody(id: $id, expectedVersion: $expectedVersion, partnershipSlug: $partnershipSlug) { id version partnerships { slug } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.regionalAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
              { arbitrary: wrongId, weight: 2 },
            ),
            expectedVersion: version,
            partnershipSlug: fc.oneof({ arbitrary: fc.constantFrom(OWN, ...OTHERS), weight: 5 }, { arbitrary: hostileText, weight: 2 }),
          }),
        }),
      currentVersion: (federation, variables) => bodyVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.shareBody.partnerships).toEqual(expect.arrayContaining([{ slug: variables.partnershipSlug }]));
      },
    },
    {
      name: 'endBody',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $validTo: Date!) {
        endBody(id: $id, expectedVersion: $expectedVersion, validTo: $validTo) { id validTo version }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
              { arbitrary: wrongId, weight: 2 },
            ),
            expectedVersion: version,
            validTo: fc.oneof({ arbitrary: fc.integer({ min: -4000, max: 4000 }).map(shift), weight: 4 }, { arbitrary: hostileDate, weight: 1 }),
          }),
        }),
      currentVersion: (federation, variables) => bodyVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.endBody).toMatchObject({ id: variables.id, validTo: variables.validTo });
      },
    },
    // --- partnership facts (system of record)
    {
      name: 'createPartnership',
      schema: 'arrangements',
      document: `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id name shortName policeForce area establishedOn version } }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.regionalAdmin),
          variables: fc.record({
            input: fc.record(
              {
                slug: fc.oneof(
                  { arbitrary: fc.stringMatching(/^[a-z]{3,10}(-[a-z]{2,8})?$/), weight: 5 },
                  { arbitrary: fc.constantFrom(OWN, ...OTHERS), weight: 1 },
                  { arbitrary: wrongId, weight: 2 },
                ),
                name: fc.oneof({ arbitrary: plausibleText, weight: 2 }, hostileOrHalfText),
                shortName: fc.oneof({ arbitrary: fc.constantFrom('HSCP', 'WSP'), weight: 2 }, hostileOrHalfText),
                policeForce: fc.oneof({ arbitrary: fc.constant('West Mercia Police'), weight: 2 }, hostileOrHalfText),
                area: optionalText,
                establishedOn: fc.oneof(fc.constant(null), hostileDate),
                source: fc.oneof(fc.constant(null), fc.record({ document: mostlyPlausible.map((text) => text ?? ''), section: hostileOrHalfText })),
              },
              { requiredKeys: ['slug', 'name', 'shortName', 'policeForce'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        expect(data.createPartnership).toMatchObject({ id: input.slug, name: trimmed(input.name), shortName: trimmed(input.shortName), version: 1 });
        if (input.area != null) expect(data.createPartnership.area).toBe(trimmed(input.area));
        if (input.establishedOn != null) expect(data.createPartnership.establishedOn).toBe(input.establishedOn);
      },
    },
    {
      name: 'updatePartnershipFacts',
      schema: 'arrangements',
      document: `mutation ($slug: String!, $expectedVersion: Int!, $input: UpdatePartnershipFactsInput!) {
        updatePartnershipFacts(slug: $slug, expectedVersion: $expectedVersion, input: $input) { name shortName policeForce area establishedOn independentScrutiny { description } version }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            slug: partnershipSlug,
            expectedVersion: version,
            input: fc.record(
              {
                name: hostileOrHalfText,
                shortName: hostileOrHalfText,
                policeForce: hostileOrHalfText,
                area: hostileOrHalfText,
                establishedOn: hostileDate,
                independentScrutiny: fc.record({
                  description: fc.oneof(
                    hostileOrHalfText,
                    fc.integer({ min: 3990, max: 4100 }).map((length) => 's'.repeat(length)),
                  ),
                }),
              },
              { requiredKeys: [] },
            ),
          }),
        }),
      currentVersion: (federation, variables) => partnershipVersion(federation, variables.slug),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        for (const field of ['name', 'shortName', 'policeForce', 'area'])
          if (input[field] !== undefined) expect(data.updatePartnershipFacts[field]).toBe(trimmed(input[field]));
        if (input.establishedOn !== undefined) expect(data.updatePartnershipFacts.establishedOn).toBe(input.establishedOn);
        if (input.independentScrutiny !== undefined)
          expect(data.updatePartnershipFacts.independentScrutiny.description).toBe(trimmed(input.independentScrutiny.description));
      },
    },
    {
      name: 'setStatutoryFunctions',
      schema: 'arrangements',
      document: `mutation ($slug: String!, $expectedVersion: Int!, $functions: [StatutoryFunctionInput!]!) {
        setStatutoryFunctions(slug: $slug, expectedVersion: $expectedVersion, functions: $functions) { statutoryFunctions { kind description } version }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            slug: partnershipSlug,
            expectedVersion: version,
            functions: fc.array(
              fc.record({
                kind: fc.constantFrom('CHILDREN_SAFEGUARDING_PARTNERSHIP', 'SAFEGUARDING_ADULTS_BOARD', 'COMMUNITY_SAFETY_PARTNERSHIP'),
                description: fc.oneof({ arbitrary: plausibleText, weight: 3 }, hostileOrHalfText),
              }),
              { maxLength: 4 },
            ),
          }),
        }),
      currentVersion: (federation, variables) => partnershipVersion(federation, variables.slug),
      accepted(variables, data) {
        const sent = (variables.functions as { kind: string; description: string }[]).map((fn) => ({ kind: fn.kind, description: trimmed(fn.description) }));
        const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
        expect([...data.setStatutoryFunctions.statutoryFunctions].sort(byKind)).toEqual(sent.sort(byKind));
      },
    },
    {
      name: 'recordPopulationFigure',
      schema: 'arrangements',
      document: `mutation ($slug: String!, $expectedVersion: Int!, $input: PopulationFigureInput!, $correction: Boolean!) {
        recordPopulationFigure(slug: $slug, expectedVersion: $expectedVersion, input: $input, correction: $correction) { populationFigures { year value areaHectares } version }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            slug: partnershipSlug,
            expectedVersion: version,
            input: fc.record(
              {
                year: fc.oneof(
                  { arbitrary: fc.integer({ min: 1990, max: 2027 }).map(String), weight: 4 },
                  fc.constantFrom('2022', '2019', '24', '2024-25', '', '1799', '9999'),
                  hostileOrHalfText,
                ),
                value: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 10_000_000 }), weight: 4 }, fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648)),
                areaHectares: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 1_000_000 })),
                description: fc.oneof({ arbitrary: plausibleText, weight: 3 }, hostileOrHalfText),
              },
              { requiredKeys: ['year', 'value', 'description'] },
            ),
            correction: fc.boolean(),
          }),
        }),
      currentVersion: (federation, variables) => partnershipVersion(federation, variables.slug),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const stored = data.recordPopulationFigure.populationFigures.filter((figure: { year: string }) => figure.year === input.year);
        expect(stored.map((figure: { value: number }) => figure.value)).toEqual([input.value]);
      },
    },
    {
      name: 'changeLeadSafeguardingPartner',
      schema: 'arrangements',
      document: `mutation ($slug: String!, $expectedVersion: Int!, $input: LeadSafeguardingPartnerChangeInput!) {
        changeLeadSafeguardingPartner(slug: $slug, expectedVersion: $expectedVersion, input: $input) {
          all: leadSafeguardingPartners(asOf: "2200-12-31") { organisation { id } leadPost delegatedPost validFrom validTo } version
        }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            slug: partnershipSlug,
            expectedVersion: version,
            input: fc.record(
              {
                organisationId: fc.oneof({ arbitrary: fc.constantFrom(...PARTNER_AGENCIES), weight: 4 }, wrongId),
                from: fc.oneof({ arbitrary: fc.integer({ min: -2000, max: 400 }).map(shift), weight: 3 }, hostileDate),
                leadPost: mostlyPlausible,
                delegatedPost: mostlyPlausible,
                ceases: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, fc.constant(true)),
              },
              { requiredKeys: ['organisationId', 'from'] },
            ),
          }),
        }),
      currentVersion: (federation, variables) => partnershipVersion(federation, variables.slug),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        if (input.ceases) return;
        const started = data.changeLeadSafeguardingPartner.all.find(
          (partner: { organisation: { id: string }; validFrom: string }) =>
            partner.organisation.id === input.organisationId && partner.validFrom === input.from,
        );
        expect(started).toMatchObject({ leadPost: trimmed(input.leadPost ?? null), delegatedPost: trimmed(input.delegatedPost ?? null), validTo: null });
      },
    },
    {
      name: 'correctLeadSafeguardingPartner',
      schema: 'arrangements',
      document: `mutation ($slug: String!, $expectedVersion: Int!, $id: ID!, $input: LeadSafeguardingPartnerCorrectionInput!) {
        correctLeadSafeguardingPartner(slug: $slug, expectedVersion: $expectedVersion, id: $id, input: $input) { version }
      }`,
      call: (ids) =>
        fc
          .oneof(
            { arbitrary: fc.constantFrom(...ids.leadPartnerRecords), weight: 6 },
            { arbitrary: wrongId.map((id) => ({ slug: OWN, id })), weight: 1 },
            { arbitrary: fc.constantFrom(...ids.leadPartnerRecords).map((record) => ({ slug: OWN, id: record.id })), weight: 1 },
          )
          .chain((target) =>
            fc.record({
              as: editorMostly(target.slug === OWN ? callers.ownAdmin : [grant('partnership-admin', target.slug)]),
              variables: fc.record({
                slug: fc.constant(target.slug),
                expectedVersion: version,
                id: fc.constant(target.id),
                input: fc.record(
                  { leadPost: hostileOrHalfText, delegatedPost: hostileOrHalfText, validFrom: hostileDate, validTo: hostileDate },
                  { requiredKeys: [] },
                ),
              }),
            }),
          ),
      currentVersion: (federation, variables) => partnershipVersion(federation, variables.slug),
    },
    {
      name: 'recordBudget',
      schema: 'arrangements',
      document: `mutation ($slug: String!, $expectedVersion: Int!, $input: BudgetInput!, $correction: Boolean!) {
        recordBudget(slug: $slug, expectedVersion: $expectedVersion, input: $input, correction: $correction) {
          budgets { financialYear total { minorUnits } contributions { organisation { id } amount { minorUnits } } } version
        }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            slug: partnershipSlug,
            expectedVersion: version,
            input: fc.record(
              {
                financialYear: fc.oneof(
                  { arbitrary: fc.integer({ min: 2000, max: 2040 }).map((year) => `${year}-${String((year + 1) % 100).padStart(2, '0')}`), weight: 4 },
                  fc.constantFrom('2025/26', '2025-27', '2025-2026', '', '1899-00', '2199-00'),
                  hostileOrHalfText,
                ),
                totalPence: fc.oneof(
                  fc.constant(null),
                  { arbitrary: fc.integer({ min: 0, max: 100_000_000 }), weight: 3 },
                  fc.constantFrom(-1, 2_000_000_001, 2_147_483_647),
                ),
                accountableBodyOrganisationId: fc.oneof(fc.constant(null), fc.constantFrom(...PARTNER_AGENCIES), wrongId),
                description: fc.oneof({ arbitrary: plausibleText, weight: 3 }, hostileOrHalfText),
                contributions: fc.array(
                  fc.record(
                    {
                      organisationId: fc.oneof({ arbitrary: fc.constantFrom(...PARTNER_AGENCIES), weight: 4 }, wrongId),
                      amountPence: fc.oneof(
                        fc.constant(null),
                        { arbitrary: fc.integer({ min: 0, max: 30_000_000 }), weight: 3 },
                        fc.constantFrom(-1, 2_147_483_647),
                      ),
                      description: optionalText,
                    },
                    { requiredKeys: ['organisationId'] },
                  ),
                  { maxLength: 4 },
                ),
              },
              { requiredKeys: ['financialYear', 'description', 'contributions'] },
            ),
            correction: fc.boolean(),
          }),
        }),
      currentVersion: (federation, variables) => partnershipVersion(federation, variables.slug),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const stored = data.recordBudget.budgets.filter((budget: { financialYear: string }) => budget.financialYear === input.financialYear);
        expect(stored).toHaveLength(1);
        expect(stored[0].total?.minorUnits ?? null).toBe(input.totalPence ?? null);
        expect(stored[0].contributions).toHaveLength(input.contributions.length);
      },
    },
    // --- meetings and escalation procedures (system of record)
    {
      name: 'rescheduleMeeting',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $date: Date!, $reason: String!) {
        rescheduleMeeting(id: $id, expectedVersion: $expectedVersion, date: $date, reason: $reason) { id date version rescheduledFrom reschedules { from to reason } }
      }`,
      call: (ids) =>
        // Mostly scheduled meetings (held and cancelled seeded ones are refused); the forum's need the secretariat.
        aimedAt(
          [
            [ids.reschedulable, 6],
            [ids.ownMeetings.map((id) => ({ id, editor: callers.ownAdmin })), 1],
            [ids.otherMeetings.map((id) => ({ id, editor: callers.ownAdmin })), 1],
          ],
          (target) =>
            fc.record({
              id: fc.constant(idOf(target)),
              expectedVersion: version,
              date: fc.oneof({ arbitrary: fc.integer({ min: 63, max: 400 }).map(shift), weight: 3 }, { arbitrary: hostileDate, weight: 2 }),
              reason: fc.oneof(
                { arbitrary: plausibleText, weight: 3 },
                { arbitrary: hostileOrHalfText, weight: 3 },
                fc.integer({ min: 495, max: 505 }).map((length) => 'r'.repeat(length)),
              ),
            }),
        ),
      currentVersion: (federation, variables) => meetingVersion(federation, variables.id),
      accepted(variables, data) {
        const meeting = data.rescheduleMeeting;
        const latest = meeting.reschedules[meeting.reschedules.length - 1];
        expect(meeting).toMatchObject({ id: variables.id, date: variables.date, version: variables.expectedVersion + 1 });
        expect(latest).toEqual({ from: meeting.rescheduledFrom, to: variables.date, reason: trimmed(variables.reason) });
      },
    },
    {
      name: 'createEscalationProcedure',
      schema: 'arrangements',
      document: `mutation ($partnershipSlug: String!, $input: CreateEscalationProcedureInput!) {
        createEscalationProcedure(partnershipSlug: $partnershipSlug, input: $input) { ${PROCEDURE_FIELDS} }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            partnershipSlug: fc.oneof(
              { arbitrary: fc.constant(OWN), weight: 6 },
              { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            input: fc.record(
              {
                title: fc.oneof({ arbitrary: plausibleText, weight: 3 }, { arbitrary: hostileOrHalfText, weight: 2 }),
                steps: hostileSteps,
                validFrom: fc.oneof({ arbitrary: fc.integer({ min: -400, max: 400 }).map(shift), weight: 2 }, { arbitrary: hostileDate, weight: 1 }),
              },
              { requiredKeys: ['title', 'steps'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const procedure = data.createEscalationProcedure;
        expect(procedure).toMatchObject({
          title: trimmed(input.title),
          version: 1,
          validTo: null,
          viewerCanEdit: true,
          partnership: { id: variables.partnershipSlug },
        });
        expect(procedure.validFrom).toBe(input.validFrom ?? todayInEngland());
        expectSteps(input.steps, procedure.steps);
      },
    },
    {
      name: 'replaceEscalationSteps',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $steps: [EscalationStepInput!]!) {
        replaceEscalationSteps(id: $id, expectedVersion: $expectedVersion, steps: $steps) { ${PROCEDURE_FIELDS} }
      }`,
      call: (ids) =>
        aimedAt(
          [
            [ids.procedures.replace, 6],
            [ids.procedures.other, 1],
          ],
          (target) => fc.record({ id: fc.constant(idOf(target)), expectedVersion: version, steps: hostileSteps }),
        ),
      currentVersion: (federation, variables) => procedureVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.replaceEscalationSteps).toMatchObject({ id: variables.id, version: variables.expectedVersion + 1 });
        expectSteps(variables.steps, data.replaceEscalationSteps.steps);
      },
    },
    {
      name: 'retireEscalationProcedure',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $lastDay: Date!) {
        retireEscalationProcedure(id: $id, expectedVersion: $expectedVersion, lastDay: $lastDay) { ${PROCEDURE_FIELDS} }
      }`,
      call: (ids) =>
        // Each retires once (then CONFLICT); a last day before the procedure applied is refused.
        aimedAt(
          [
            [ids.procedures.retire, 6],
            [ids.procedures.other, 1],
          ],
          (target) =>
            fc.record({
              id: fc.constant(idOf(target)),
              expectedVersion: version,
              lastDay: fc.oneof({ arbitrary: fc.integer({ min: -30, max: 400 }).map(shift), weight: 3 }, { arbitrary: hostileDate, weight: 2 }),
            }),
        ),
      currentVersion: (federation, variables) => procedureVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.retireEscalationProcedure).toMatchObject({
          id: variables.id,
          validTo: variables.lastDay,
          version: variables.expectedVersion + 1,
          viewerCanEdit: false,
        });
      },
    },
    // --- strategic plans and regional procedures (system of record)
    {
      name: 'createStrategicPlan',
      schema: 'arrangements',
      document: `mutation ($partnershipSlug: String!, $input: CreateStrategicPlanInput!) {
        createStrategicPlan(partnershipSlug: $partnershipSlug, input: $input) { id title periodStart periodEnd partnership { slug } }
      }`,
      call: () =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            partnershipSlug: fc.oneof(
              { arbitrary: fc.constant(OWN), weight: 5 },
              { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            input: fc.oneof(
              // A plausible plan: one to five years from an April, often clear of the seeded plan.
              {
                arbitrary: fc
                  .tuple(fc.oneof(plausibleText, hostileOrHalfText), fc.integer({ min: 2020, max: 2090 }), fc.integer({ min: 1, max: 5 }))
                  .map(([title, start, years]) => ({ title, periodStart: `${start}-04-01`, periodEnd: `${start + years}-03-31` })),
                weight: 3,
              },
              {
                arbitrary: fc.record({
                  title: fc.oneof(plausibleText, hostileOrHalfText),
                  periodStart: fc.oneof(
                    fc.integer({ min: 2020, max: 2060 }).map((year) => `${year}-04-01`),
                    hostileDate,
                  ),
                  periodEnd: fc.oneof(
                    fc.integer({ min: 2020, max: 2075 }).map((year) => `${year}-03-31`),
                    hostileDate,
                  ),
                }),
                weight: 2,
              },
            ),
          }),
        }),
      accepted(variables, data) {
        expect(data.createStrategicPlan).toMatchObject({
          title: trimmed(variables.input.title),
          periodStart: variables.input.periodStart,
          periodEnd: variables.input.periodEnd,
          partnership: { slug: variables.partnershipSlug },
        });
      },
    },
    {
      name: 'addStrategicPriority',
      schema: 'arrangements',
      document: `mutation ($planId: ID!, $input: AddStrategicPriorityInput!) {
        addStrategicPriority(planId: $planId, input: $input) { id title kind periodStart owningGroup { id } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            planId: fc.oneof({ arbitrary: fc.constantFrom(...ids.plans), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
            input: fc.record(
              { title: fc.oneof(plausibleText, hostileOrHalfText), kind: PRIORITY_KINDS, owningGroupId: fc.oneof(ownGroups, wrongId), effectiveFrom: planDate },
              { requiredKeys: ['title', 'kind', 'owningGroupId'] },
            ),
          }),
        }),
      accepted(variables, data) {
        expect(data.addStrategicPriority).toMatchObject({
          title: trimmed(variables.input.title),
          kind: variables.input.kind,
          owningGroup: { id: variables.input.owningGroupId },
        });
        if (variables.input.effectiveFrom !== undefined) expect(data.addStrategicPriority.periodStart).toBe(variables.input.effectiveFrom);
      },
    },
    {
      name: 'reviseStrategicPriority',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $effectiveFrom: Date, $input: ReviseStrategicPriorityInput!) {
        reviseStrategicPriority(id: $id, expectedVersion: $expectedVersion, effectiveFrom: $effectiveFrom, input: $input) { id title kind versionFrom owningGroup { id } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record(
            {
              id: fc.oneof({ arbitrary: fc.constantFrom(...ids.priorities), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
              expectedVersion: version,
              effectiveFrom: fc.oneof(fc.constant(null), planDate),
              input: fc.record(
                { title: fc.oneof(plausibleText, hostileOrHalfText), kind: PRIORITY_KINDS, owningGroupId: fc.oneof(ownGroups, wrongId) },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: ['id', 'expectedVersion', 'input'] },
          ),
        }),
      currentVersion: (federation, variables) => planRecordVersion(federation, variables.id),
      accepted(variables, data) {
        const { input } = variables;
        if (input.title !== undefined) expect(data.reviseStrategicPriority.title).toBe(trimmed(input.title));
        if (input.kind !== undefined) expect(data.reviseStrategicPriority.kind).toBe(input.kind);
        if (input.owningGroupId !== undefined) expect(data.reviseStrategicPriority.owningGroup.id).toBe(input.owningGroupId);
        if (variables.effectiveFrom != null) expect(data.reviseStrategicPriority.versionFrom).toBe(variables.effectiveFrom);
      },
    },
    {
      name: 'retireStrategicPriority',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $lastDay: Date!) {
        retireStrategicPriority(id: $id, expectedVersion: $expectedVersion, lastDay: $lastDay) { id periodEnd }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof({ arbitrary: fc.constantFrom(...ids.priorities), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
            expectedVersion: version,
            lastDay: planDate,
          }),
        }),
      currentVersion: (federation, variables) => planRecordVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.retireStrategicPriority).toEqual({ id: variables.id, periodEnd: variables.lastDay });
      },
    },
    {
      name: 'addSuccessStatement',
      schema: 'arrangements',
      document: `mutation ($priorityId: ID!, $input: SuccessStatementInput!, $effectiveFrom: Date) {
        addSuccessStatement(priorityId: $priorityId, input: $input, effectiveFrom: $effectiveFrom) { id text measurable target { comparison value unit } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record(
            {
              priorityId: fc.oneof({ arbitrary: fc.constantFrom(...ids.priorities), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
              input: statementInput,
              effectiveFrom: fc.oneof(fc.constant(null), planDate),
            },
            { requiredKeys: ['priorityId', 'input'] },
          ),
        }),
      accepted(variables, data) {
        expect(data.addSuccessStatement.text).toBe(trimmed(variables.input.text));
        expect(data.addSuccessStatement.measurable).toBe(variables.input.target != null);
        if (variables.input.target != null) expect(data.addSuccessStatement.target.value).toBe(variables.input.target.value + 0);
      },
    },
    {
      name: 'reviseSuccessStatement',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $effectiveFrom: Date, $input: SuccessStatementInput!) {
        reviseSuccessStatement(id: $id, expectedVersion: $expectedVersion, effectiveFrom: $effectiveFrom, input: $input) { id text measurable versionFrom }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record(
            {
              id: fc.oneof(
                { arbitrary: fc.constantFrom(...ids.measurableStatements, ...ids.textOnlyStatements), weight: 5 },
                { arbitrary: wrongId, weight: 1 },
              ),
              expectedVersion: version,
              effectiveFrom: fc.oneof(fc.constant(null), planDate),
              input: statementInput,
            },
            { requiredKeys: ['id', 'expectedVersion', 'input'] },
          ),
        }),
      currentVersion: (federation, variables) => planRecordVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.reviseSuccessStatement).toMatchObject({
          id: variables.id,
          text: trimmed(variables.input.text),
          measurable: variables.input.target != null,
        });
        if (variables.effectiveFrom != null) expect(data.reviseSuccessStatement.versionFrom).toBe(variables.effectiveFrom);
      },
    },
    {
      name: 'retireSuccessStatement',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $lastDay: Date!) {
        retireSuccessStatement(id: $id, expectedVersion: $expectedVersion, lastDay: $lastDay) { id validTo }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof({ arbitrary: fc.constantFrom(...ids.measurableStatements, ...ids.textOnlyStatements), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
            expectedVersion: version,
            lastDay: planDate,
          }),
        }),
      currentVersion: (federation, variables) => planRecordVersion(federation, variables.id),
      accepted(variables, data) {
        expect(data.retireSuccessStatement).toEqual({ id: variables.id, validTo: variables.lastDay });
      },
    },
    {
      name: 'addStrategicAction',
      schema: 'arrangements',
      document: `mutation ($bodyId: ID!, $input: AddStrategicActionInput!) {
        addStrategicAction(bodyId: $bodyId, input: $input) { id heading description successMeasure period dueOn progress evidence owner { id } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            bodyId: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownBodies), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherBodies), weight: 2 },
              { arbitrary: wrongId, weight: 1 },
            ),
            input: fc.record(
              {
                heading: fc.constantFrom(
                  'PREVENTION',
                  'PREVENTING_CRIME',
                  'UNDERSTANDING_WHAT_IS_HAPPENING',
                  'PROTECT_AND_PURSUE',
                  'LEARNING_AND_DEVELOPMENT',
                  'EXPERIENCE_OF_INDIVIDUALS',
                  'PURSUIT',
                ),
                description: mostlyPlausible.map((text) => text ?? 'Awareness campaign'),
                successMeasure: mostlyPlausible.map((text) => text ?? 'Reach'),
                ownerOrganisationId: fc.oneof(
                  { arbitrary: fc.constant(null), weight: 2 },
                  { arbitrary: fc.constantFrom('west-mercia-police', 'shropshire-council'), weight: 2 },
                  { arbitrary: hostileOrHalfText, weight: 1 },
                ),
                dueOn: fc.oneof({ arbitrary: fc.integer({ min: -400, max: 800 }).map(shift), weight: 3 }, { arbitrary: hostileDate, weight: 1 }),
                period: fc.oneof(
                  { arbitrary: fc.constantFrom('2026-27', '2027-28'), weight: 3 },
                  { arbitrary: fc.constantFrom('2026-28', '2026/27'), weight: 1 },
                  { arbitrary: hostileOrHalfText, weight: 1 },
                ),
                progress: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED'),
                evidence: mostlyPlausible,
                isMultiAgencyCaseFileAudit: fc.boolean(),
              },
              { requiredKeys: ['heading', 'description', 'successMeasure', 'dueOn', 'period'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const { input } = variables;
        expect(data.addStrategicAction).toMatchObject({
          heading: input.heading,
          description: trimmed(input.description),
          successMeasure: trimmed(input.successMeasure),
          period: input.period,
          dueOn: input.dueOn,
        });
        if (input.evidence != null) expect(data.addStrategicAction.evidence).toBe(trimmed(input.evidence));
      },
    },
    {
      name: 'updateStrategicAction',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateStrategicActionInput!) {
        updateStrategicAction(id: $id, expectedVersion: $expectedVersion, input: $input) { id progress evidence description successMeasure dueOn }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof({ arbitrary: fc.constantFrom(...ids.strategicActions), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
            expectedVersion: version,
            input: fc.record(
              {
                progress: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED'),
                evidence: mostlyPlausible,
                description: mostlyPlausible,
                successMeasure: mostlyPlausible,
                dueOn: fc.oneof({ arbitrary: fc.integer({ min: -400, max: 800 }).map(shift), weight: 3 }, { arbitrary: hostileDate, weight: 1 }),
              },
              { requiredKeys: [] },
            ),
          }),
        }),
      currentVersion: (federation, variables) => planRecordVersion(federation, variables.id),
      accepted(variables, data) {
        const { input } = variables;
        for (const field of ['evidence', 'description', 'successMeasure'] as const) {
          if (input[field] != null) expect(data.updateStrategicAction[field]).toBe(trimmed(input[field]));
        }
        if (input.progress != null) expect(data.updateStrategicAction.progress).toBe(input.progress);
        if (input.dueOn != null) expect(data.updateStrategicAction.dueOn).toBe(input.dueOn);
      },
    },
    {
      name: 'addRegionalProcedureChapter',
      schema: 'arrangements',
      document: `mutation ($procedureId: ID!, $input: AddRegionalProcedureChapterInput!) {
        addRegionalProcedureChapter(procedureId: $procedureId, input: $input) { id number title version effectiveFrom }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.regionalAdmin),
          variables: fc.record({
            procedureId: fc.oneof({ arbitrary: fc.constantFrom(...ids.regionalProcedures), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
            input: fc.record({
              number: fc.oneof(
                fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })).map(([a, b]) => `${a}.${b}`),
                fc.constantFrom('1.1', '1.2', '1.', 'a.1', ''),
                hostileOrHalfText,
              ),
              title: fc.oneof(plausibleText, hostileOrHalfText),
              version: fc.oneof(fc.constantFrom('1', '2.1', 'v 1', ''), hostileOrHalfText),
              effectiveFrom: hostileDate,
            }),
          }),
        }),
      accepted(variables, data) {
        expect(data.addRegionalProcedureChapter).toMatchObject({
          number: trimmed(variables.input.number),
          title: trimmed(variables.input.title),
          version: trimmed(variables.input.version),
          effectiveFrom: variables.input.effectiveFrom,
        });
      },
    },
    {
      name: 'publishRegionalProcedureChapterVersion',
      schema: 'arrangements',
      document: `mutation ($chapterId: ID!, $input: PublishChapterVersionInput!) {
        publishRegionalProcedureChapterVersion(chapterId: $chapterId, input: $input) { id title version effectiveFrom changeSummary }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.regionalAdmin),
          variables: fc.record({
            chapterId: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.latestChapters), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.earlierChapters), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            input: fc.record(
              {
                version: fc.oneof(fc.integer({ min: 1, max: 99 }).map(String), fc.constantFrom('1', 'v 2', ''), hostileOrHalfText),
                effectiveFrom: fc.oneof(
                  fc.integer({ min: 0, max: 3000 }).map((days) => shift(days - 1000)),
                  hostileDate,
                ),
                changeSummary: fc.oneof(plausibleText, hostileOrHalfText),
                title: fc.oneof(fc.constant(null), plausibleText, hostileOrHalfText),
              },
              { requiredKeys: ['version', 'effectiveFrom', 'changeSummary'] },
            ),
          }),
        }),
      accepted(variables, data) {
        const { input } = variables;
        expect(data.publishRegionalProcedureChapterVersion).toMatchObject({
          version: trimmed(input.version),
          effectiveFrom: input.effectiveFrom,
          changeSummary: trimmed(input.changeSummary),
        });
        if (input.title != null) expect(data.publishRegionalProcedureChapterVersion.title).toBe(trimmed(input.title));
      },
    },
    {
      name: 'adoptRegionalProcedure',
      schema: 'arrangements',
      document: `mutation ($procedureId: ID!, $partnershipSlug: String!, $input: AdoptRegionalProcedureInput!) {
        adoptRegionalProcedure(procedureId: $procedureId, partnershipSlug: $partnershipSlug, input: $input) { id how localVariation partnership { slug } procedure { id } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            procedureId: fc.oneof({ arbitrary: fc.constantFrom(...ids.regionalProcedures), weight: 5 }, { arbitrary: wrongId, weight: 1 }),
            partnershipSlug: fc.oneof(
              { arbitrary: fc.constant(OWN), weight: 5 },
              { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            input: fc.record({ how: fc.oneof(plausibleText, hostileOrHalfText), localVariation: optionalText }, { requiredKeys: ['how'] }),
          }),
        }),
      accepted(variables, data) {
        expect(data.adoptRegionalProcedure).toMatchObject({
          how: trimmed(variables.input.how),
          localVariation: variables.input.localVariation == null ? null : trimmed(variables.input.localVariation),
          partnership: { slug: variables.partnershipSlug },
          procedure: { id: variables.procedureId },
        });
      },
    },
    {
      name: 'updateRegionalProcedureAdoption',
      schema: 'arrangements',
      document: `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateRegionalProcedureAdoptionInput!) {
        updateRegionalProcedureAdoption(id: $id, expectedVersion: $expectedVersion, input: $input) { id how localVariation adoptedChapters { adopted { id } } }
      }`,
      call: (ids) =>
        fc.record({
          as: editorMostly(callers.ownAdmin),
          variables: fc.record({
            id: fc.oneof(
              { arbitrary: fc.constantFrom(...ids.ownAdoptions), weight: 5 },
              { arbitrary: fc.constantFrom(...ids.otherAdoptions), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            expectedVersion: version,
            input: fc.record(
              {
                how: fc.oneof(plausibleText, hostileOrHalfText),
                localVariation: fc.oneof(fc.constant(''), plausibleText, hostileOrHalfText),
                adoptChapterIds: fc.array(fc.oneof(fc.constantFrom(...ids.latestChapters, ...ids.earlierChapters), wrongId), { minLength: 0, maxLength: 3 }),
              },
              { requiredKeys: [] },
            ),
          }),
        }),
      currentVersion: (federation, variables) => adoptionVersion(federation, variables.id),
      accepted(variables, data) {
        const { input } = variables;
        const adoption = data.updateRegionalProcedureAdoption;
        if (input.how !== undefined) expect(adoption.how).toBe(trimmed(input.how));
        if (input.localVariation !== undefined)
          expect(adoption.localVariation).toBe(trimmed(input.localVariation) === '' ? null : trimmed(input.localVariation));
        const followed = adoption.adoptedChapters.map((chapter: { adopted: { id: string } }) => chapter.adopted.id);
        for (const chapterId of input.adoptChapterIds ?? []) expect(followed).toContain(chapterId);
      },
    },
  ],
};
