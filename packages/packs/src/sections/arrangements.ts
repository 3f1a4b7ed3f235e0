import { z } from 'zod';
import { provenance } from '../provenance';
import { defineSection, type PackReference } from './definition';

/**
 * The arrangements section: a partnership's facts, its Lead Safeguarding Partners, documents,
 * budgets and governance bodies (with their rules as data), and the regional pack's shared
 * procedures and joint bodies. Names follow Popolo and the W3C Organization Ontology where they fit
 * (a body is an organization, a Lead Safeguarding Partner a membership with startDate/endDate);
 * the mapping is in docs/working-notes/packs-arrangements.md.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD, e.g. 2024-10-01')
  .describe('A date, YYYY-MM-DD.');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case words joined by hyphens, e.g. "west-mercia-police"');
const organisationId = slug.describe('An organisation by its id in the regional registry (the membership section), e.g. "west-mercia-police".');
const bodyId = z
  .string()
  .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'a body id is "<partnership slug>.<body slug>" (or "joint.<body slug>" in the regional pack), e.g. "shropshire.executive"')
  .describe('A body by its id: "<partnership slug>.<body slug>", or "joint.<body slug>" for a body the regional pack holds.');

export const STATUTORY_FUNCTION_KINDS = ['CHILDREN_SAFEGUARDING_PARTNERSHIP', 'SAFEGUARDING_ADULTS_BOARD', 'COMMUNITY_SAFETY_PARTNERSHIP'] as const;
export const BODY_KINDS = [
  'PARTNERSHIP_BOARD',
  'EXECUTIVE',
  'LEAD_PARTNERS_FORUM',
  'WIDER_PARTNERSHIP',
  'STANDING_GROUP',
  'THEMATIC_GROUP',
  'TASK_AND_FINISH_GROUP',
  'REVIEW_GROUP',
  'SYSTEM_GROUP',
  'STRATEGIC_PRIORITY_GROUP',
  'REPORTING_PARTNERSHIP',
] as const;
export const REPORTING_LINE_KINDS = ['REPORTS_TO', 'ACCOUNTABLE_TO', 'PROVIDES_ASSURANCE_TO'] as const;

export const meetingFrequency = z
  .strictObject({
    meetingsPerYear: z.number().int().min(1).max(52).describe('How many meetings a year; what cadence checks and expected meetings count.'),
    description: z.string().min(1).max(300).describe('The document\'s own words, e.g. "bi-monthly", "4 times a year".'),
    period: z.enum(['CALENDAR_YEAR', 'FINANCIAL_YEAR']).describe('The year the count applies to.'),
  })
  .describe('How often the body meets (Popolo: the events it holds).');

export const chairRule = z
  .strictObject({
    appointedFrom: z
      .enum(['DELEGATED_SAFEGUARDING_PARTNERS', 'STATUTORY_PARTNERS', 'NAMED_ORGANISATION', 'INDEPENDENT', 'MEMBERS', 'NOT_STATED'])
      .describe('Where the chair comes from.'),
    organisationId: organisationId.optional().describe('For NAMED_ORGANISATION: the organisation that chairs.'),
    post: z.string().min(1).max(300).optional().describe('The post that chairs, e.g. "Director of Children & Adult Services".'),
    appointedBy: z.string().min(1).max(300).optional().describe('Who appoints the chair, e.g. "the Executive".'),
    termMonths: z.number().int().min(1).max(120).nullable().describe('The length of a term in months; null when the document gives none.'),
    termAlignedToFinancialYear: z.boolean().describe('A term follows the financial year (April to March).'),
    noConsecutiveTermsSameOrganisation: z.boolean().describe('The same organisation may not chair two terms running.'),
    viceChairFromDifferentOrganisation: z.boolean().describe('A vice-chair is appointed from a different organisation from the chair.'),
    viceChairSucceeds: z.boolean().describe('The vice-chair becomes the next chair.'),
    description: z.string().min(1).max(2000).describe("The rule in the document's own words."),
    provenance,
  })
  .describe('Who may chair the body and for how long (Popolo: the chair post).');

export const quorumRule = z
  .strictObject({
    kind: z.enum(['ALL_STATUTORY_PARTNERS_REPRESENTED', 'NOT_STATED']).describe('When a meeting may take decisions.'),
    namedDeputyCounts: z.boolean().describe("A named deputy counts as the organisation's representative."),
    requiredOrganisationIds: z.array(organisationId).describe('The organisations that must be represented.'),
    statutoryPartnersInKeyDecisions: z.boolean().describe('Statutory partner representatives must be part of every key action or decision.'),
    unexplainedAbsenceReported: z.boolean().describe("Absence without valid reason is reported to the agency's line manager."),
    description: z.string().min(1).max(2000).describe("The rule in the document's own words."),
    provenance,
  })
  .describe('When a meeting of the body is quorate.');

export const reportingLine = z
  .strictObject({
    to: bodyId.describe('The body this one reports to (Popolo: parent_id; ORG: subOrganizationOf).'),
    kind: z.enum(REPORTING_LINE_KINDS).describe('The kind of line.'),
    startDate: isoDate.optional().describe('The first day of the line; left out when the documents give none.'),
    endDate: isoDate.optional().describe('The last day of the line; left out while it stands.'),
    provenance: provenance.optional().describe("Where the line comes from when it differs from the body's own provenance."),
  })
  .describe('A reporting line from this body to a parent body.');

export const body = z
  .strictObject({
    id: bodyId,
    name: z.string().min(1).max(300).describe("The body's name as its documents give it (Popolo: name)."),
    kind: z.enum(BODY_KINDS).describe('What kind of body it is (Popolo: classification).'),
    purpose: z.string().min(1).max(4000).describe("What the body is for, in the documents' words (ORG: purpose)."),
    reportingLines: z.array(reportingLine).optional().describe('The bodies it reports to, each line with its kind and dates.'),
    closeRelationships: z.array(bodyId).optional().describe('Bodies it has a close structural relationship with that is not a reporting line (ORG: linkedTo).'),
    meetingFrequency: meetingFrequency.optional(),
    separateChildrenAndAdultsTime: z.boolean().optional().describe('Its meetings give separate agenda time to children and to adults.'),
    usesPaperworkClock: z.boolean().optional().describe('Its meetings follow the 7-day papers / notes / amendments clock.'),
    chairRule: chairRule.optional(),
    quorumRule: quorumRule.optional(),
    startDate: isoDate.optional().describe('The day the body was established (Popolo: founding_date); left out when not stated.'),
    endDate: isoDate.optional().describe('The last day the body met (Popolo: dissolution_date); left out while it stands.'),
    provenance,
  })
  .describe('A board, executive, group or forum (Popolo: organization; ORG: OrganizationalUnit).');

export const partnershipIndicator = z
  .strictObject({
    measure: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a measure is a slug, e.g. "children-in-care-rate"')
      .describe('What is measured, as a slug: e.g. children-in-care-rate, child-protection-plan-rate, rural-land-share, urban-population-share.'),
    description: z.string().min(1).max(500).describe('The measure in words, e.g. "Children in care per 10,000 children".'),
    value: z.number().min(-1e12).max(1e12).describe('The figure.'),
    unit: z.enum(['PER_10000', 'PERCENT', 'PEOPLE']).describe('What the figure counts in.'),
    count: z.number().int().min(0).max(2_000_000_000).optional().describe('The number of people behind a rate, where stated (e.g. 388 children).'),
    period: z.string().min(1).max(50).optional().describe('The period or date the figure refers to, e.g. "2018-19" or "2031" for a forecast.'),
    provenance,
  })
  .describe("A figure about the partnership's area that a document quotes.");
export type PartnershipIndicator = z.infer<typeof partnershipIndicator>;

export const partnershipFacts = z
  .strictObject({
    name: z.string().min(1).max(300).describe("The partnership's name (Popolo: name)."),
    shortName: z.string().min(1).max(100).describe('Its short name or initials (Popolo: other_names).'),
    policeForce: z.string().min(1).max(200).describe('The police force for the area, by name.'),
    area: z
      .strictObject({
        name: z.string().min(1).max(300).describe('The area the partnership covers, as its documents name it (ORG: hasSite), e.g. "Shropshire".'),
        hectares: z.number().int().min(1).max(2_000_000_000).optional().describe('Its size in hectares, where a document gives it.'),
        provenance,
      })
      .optional()
      .describe('The area the partnership covers; left out when the documents do not name it.'),
    population: z
      .strictObject({
        value: z.number().int().min(1).max(2_000_000_000).describe('The number of people living in the area.'),
        year: z
          .string()
          .regex(/^\d{4}$/, 'a year is four digits, e.g. "2022"')
          .describe('The year the figure refers to.'),
        description: z.string().min(1).max(2000).describe('The figure with the context its document gives.'),
        provenance,
      })
      .optional()
      .describe("The area's population; left out when the documents give none."),
    independentScrutiny: z
      .strictObject({ description: z.string().min(1).max(4000), provenance })
      .optional()
      .describe("How the arrangements are independently scrutinised, in the documents' words."),
    indicators: z
      .array(partnershipIndicator)
      .optional()
      .describe(
        'Figures the documents quote about the area (rates per 10,000 of the population counted, shares of land or population), typed so they can be compared.',
      ),
    statutoryFunctions: z
      .array(
        z.strictObject({
          kind: z.enum(STATUTORY_FUNCTION_KINDS).describe('Which statutory function.'),
          description: z.string().min(1).max(2000).describe('How the partnership fulfils it.'),
          provenance,
        }),
      )
      .describe('The statutory functions the partnership fulfils.'),
    provenance,
  })
  .describe('The partnership itself (Popolo: organization).');

export const leadSafeguardingPartner = z
  .strictObject({
    organisation: organisationId,
    leadPost: z.string().min(1).max(300).optional().describe('The post that holds the role, e.g. "Chief Constable" (Popolo: role).'),
    delegatedPost: z.string().min(1).max(500).optional().describe('The delegated safeguarding partner post(s).'),
    startDate: isoDate.optional().describe('The first day the organisation held the role; left out when not stated.'),
    endDate: isoDate.optional().describe('The last day; left out while it holds it.'),
    provenance,
  })
  .describe("A Lead Safeguarding Partner: an organisation's membership of the partnership (Popolo: membership).");

export const arrangementDocument = z
  .strictObject({
    title: z.string().min(1).max(500).describe('The title, as the document gives it; a key: one entry per title.'),
    version: z.string().min(1).max(50).optional(),
    approvedOn: isoDate.optional(),
    reviewOn: isoDate.optional(),
    publishedOn: isoDate.optional(),
    provenance,
  })
  .describe('A document setting out the arrangements.');

export const budget = z
  .strictObject({
    financialYear: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'a financial year is written e.g. "2019-20"')
      .optional()
      .describe('The financial year, e.g. "2019-20"; left out when the document gives none (one such budget at most).'),
    totalMinorUnits: z.number().int().min(0).max(2_000_000_000).optional().describe('The total in pence; left out when not stated.'),
    accountableBody: organisationId.optional().describe('The Accountable Body, when stated.'),
    description: z.string().min(1).max(4000),
    contributions: z.array(
      z.strictObject({
        organisation: organisationId,
        amountMinorUnits: z.number().int().min(0).max(2_000_000_000).optional().describe('In pence; left out when not stated (never zero for unknown).'),
        description: z.string().min(1).max(1000).optional(),
        provenance,
      }),
    ),
    provenance,
  })
  .describe('A budget of the partnership and who contributes to it.');

export const procedureAdoption = z
  .strictObject({
    procedure: slug.describe('A regional procedure by its id (the regional pack defines them).'),
    how: z.string().min(1).max(2000).describe('How the partnership uses the procedure.'),
    provenance,
  })
  .describe('The partnership adopts a regional procedure.');

export const escalationProcedure = z
  .strictObject({
    title: z.string().min(1).max(300).describe("The procedure's title; a key: one procedure per title."),
    startDate: isoDate.optional().describe('The first day it applies; left out when the documents do not say.'),
    endDate: isoDate.optional().describe('The last day it applied; left out while it applies.'),
    steps: z
      .array(
        z.strictObject({
          trigger: z.string().min(1).max(1000).optional().describe("When the step applies, in the document's words; left out when not stated."),
          who: z.string().min(1).max(500).describe('Who acts.'),
          action: z.string().min(1).max(2000).describe("What they do, in the document's words."),
          timescale: z.string().min(1).max(200).optional().describe('How long the step takes; left out when not stated.'),
          provenance,
        }),
      )
      .min(1)
      .describe('The steps in order (positions 1, 2, 3, …).'),
    provenance,
  })
  .describe('An escalation or dispute-resolution procedure as ordered steps.');

const successTarget = z
  .strictObject({
    comparison: z.enum(['ABOVE', 'AT_LEAST', 'REDUCE_BY_AT_LEAST_PERCENT', 'COMPLETED_WITHIN']).describe('How a measurement is judged against the value.'),
    value: z.number().min(0).max(1_000_000).describe('The number the statement names, e.g. 75 for "at least 75%".'),
    unit: z.enum(['PERCENT', 'WORKING_DAYS', 'MONTHS']).describe('The unit of the value.'),
    baselinePeriod: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'a baseline period is a financial year written 2022-23')
      .optional()
      .describe('For a reduction: the year the baseline is taken from, e.g. "2022-23" (the baseline figure itself is not in the pack).'),
    measures: z.string().min(1).max(200).describe('What a measurement of this statement records.'),
  })
  .describe("The statement's target as a typed value, where its words give a number; left out for a statement that is text only.");

const successStatement = z
  .strictObject({
    text: z
      .string()
      .min(1)
      .max(1000)
      .describe("The statement in the plan's own words (the current text; earlier texts stay in the platform's earlierVersions)."),
    target: successTarget.optional(),
    provenance,
  })
  .describe('A success statement: what the partnership will see when the priority is met.');

const strategicPriority = z
  .strictObject({
    id: z
      .string()
      .max(200)
      .regex(
        /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/,
        'a priority id is "<partnership slug>.<priority slug>" (addStrategicPriority adds the plan\'s first year: "<slug>.<year>.<priority slug>"), e.g. "shropshire.domestic-abuse"',
      )
      .describe('A stable id starting with the partnership slug, e.g. "shropshire.domestic-abuse" or, for one added through the API, "solihull.2026.neglect".'),
    heading: z.string().min(1).max(200).describe('The priority\'s heading (its title), e.g. "Domestic Abuse".'),
    kind: z.enum(['SYSTEM_PRIORITY', 'STRATEGIC_PRIORITY']).describe('A system priority (a practice oversight group) or a strategic priority.'),
    owningGroup: bodyId.describe("The body that owns the priority (one of the partnership's bodies)."),
    successStatements: z.array(successStatement).describe('Its success statements in the order the plan lists them.'),
    provenance,
  })
  .describe('A strategic priority of the plan (its heading, owning group and success statements).');

const strategicPlan = z
  .strictObject({
    title: z.string().min(1).max(200).describe('The plan\'s title, e.g. "Strategic Plan and Priorities 2023-2026".'),
    periodStart: isoDate.describe('The first day of the plan.'),
    periodEnd: isoDate.describe('The last day of the plan.'),
    provenance: provenance.describe('Where the plan and its period come from: inferred when the document names only the years (002 says "2023 – 2026").'),
    priorities: z.array(strategicPriority).describe('Its priorities as they stand today (the current text; a retired priority is left out).'),
  })
  .describe(
    'A strategic plan. The Strategic Action Plan rows, the quarterly measurements and the reduction baselines are synthetic (seed/strategic-plan-synthetic.ts) and are not in the pack.',
  );

const partnershipSchema = z
  .strictObject({
    partnership: partnershipFacts,
    leadSafeguardingPartners: z.array(leadSafeguardingPartner).describe('The Lead Safeguarding Partners (Popolo: memberships).'),
    arrangementDocuments: z.array(arrangementDocument),
    budgets: z.array(budget),
    bodies: z.array(body).describe('The bodies the partnership owns (Popolo: organizations); each id starts with the partnership slug.'),
    sharedBodies: z
      .array(bodyId)
      .optional()
      .describe("Bodies defined elsewhere (the regional pack's joint bodies, another partnership's) that this partnership also belongs to."),
    procedureAdoptions: z.array(procedureAdoption).optional().describe('The regional procedures the partnership adopts.'),
    escalationProcedures: z
      .array(escalationProcedure)
      .optional()
      .describe('Escalation and dispute-resolution procedures, only where a document states the steps.'),
    strategicPlans: z
      .array(strategicPlan)
      .optional()
      .describe(
        'Strategic plans with their priorities and success statements (current text only). A changed text is applied as a revision from the day the pack is applied; a priority or statement left out is retired from that day.',
      ),
  })
  .describe("The arrangements section of a partnership's pack.");

export type PartnershipArrangements = z.infer<typeof partnershipSchema>;
export type PackStrategicPlan = z.infer<typeof strategicPlan>;
export type PackBody = z.infer<typeof body>;

const procedureChapter = z
  .strictObject({
    number: z.string().min(1).max(20).describe('The chapter number, e.g. "1.2".'),
    title: z.string().min(1).max(300),
    version: z.string().min(1).max(20).describe('The version; a later version is another entry with the same number.'),
    effectiveFrom: isoDate,
    changeSummary: z.string().min(1).max(1000).optional().describe('What changed in this version.'),
    provenance,
  })
  .describe('One version of a chapter of a regional procedure.');

const regionalSchema = z
  .strictObject({
    regionalProcedures: z.array(
      z
        .strictObject({
          id: slug.describe('A stable id, e.g. "west-midlands-regional-child-protection-procedures".'),
          title: z.string().min(1).max(500),
          region: z.string().min(1).max(100),
          description: z.string().min(1).max(2000),
          chapters: z.array(procedureChapter).optional(),
          provenance,
        })
        .describe('A procedure the region shares.'),
    ),
    jointBodies: z
      .array(body)
      .describe('Bodies two or more partnerships share (ids start "joint."); each partnership\'s pack says it belongs to one by listing it in sharedBodies.'),
  })
  .describe('The arrangements section of the regional pack.');

export type RegionalArrangements = z.infer<typeof regionalSchema>;

function bodyReferences(bodies: PackBody[], path: string): PackReference[] {
  return bodies.flatMap((item, index) => [
    ...(item.reportingLines ?? []).map((line, at) => ({ kind: 'body' as const, id: line.to, path: [path, index, 'reportingLines', at, 'to'] })),
    ...(item.closeRelationships ?? []).map((id, at) => ({ kind: 'body' as const, id, path: [path, index, 'closeRelationships', at] })),
    ...(item.chairRule?.organisationId
      ? [{ kind: 'organisation' as const, id: item.chairRule.organisationId, path: [path, index, 'chairRule', 'organisationId'] }]
      : []),
    ...(item.quorumRule?.requiredOrganisationIds ?? []).map((id, at) => ({
      kind: 'organisation' as const,
      id,
      path: [path, index, 'quorumRule', 'requiredOrganisationIds', at],
    })),
  ]);
}

/** The arrangements subgraph's section of a partnership pack. */
export const partnershipArrangementsSection = defineSection({
  subgraph: 'arrangements',
  scope: 'partnership',
  schema: partnershipSchema,
  defines: (value) => value.bodies.map((item, index) => ({ kind: 'body' as const, id: item.id, path: ['bodies', index, 'id'] })),
  references: (value) => [
    ...value.leadSafeguardingPartners.map((partner, index) => ({
      kind: 'organisation' as const,
      id: partner.organisation,
      path: ['leadSafeguardingPartners', index, 'organisation'],
    })),
    ...value.budgets.flatMap((item, index) => [
      ...(item.accountableBody ? [{ kind: 'organisation' as const, id: item.accountableBody, path: ['budgets', index, 'accountableBody'] }] : []),
      ...item.contributions.map((contribution, at) => ({
        kind: 'organisation' as const,
        id: contribution.organisation,
        path: ['budgets', index, 'contributions', at, 'organisation'],
      })),
    ]),
    ...bodyReferences(value.bodies, 'bodies'),
    ...(value.sharedBodies ?? []).map((id, index) => ({ kind: 'body' as const, id, path: ['sharedBodies', index] })),
    ...(value.strategicPlans ?? []).flatMap((plan, index) =>
      plan.priorities.map((priority, at) => ({
        kind: 'body' as const,
        id: priority.owningGroup,
        path: ['strategicPlans', index, 'priorities', at, 'owningGroup'],
      })),
    ),
    ...(value.procedureAdoptions ?? []).map((adoption, index) => ({
      kind: 'regional-procedure' as const,
      id: adoption.procedure,
      path: ['procedureAdoptions', index, 'procedure'],
    })),
  ],
});

/** The arrangements subgraph's section of the regional pack: the procedures and joint bodies the region shares. */
export const regionalArrangementsSection = defineSection({
  subgraph: 'arrangements',
  scope: 'regional',
  schema: regionalSchema,
  defines: (value) => [
    ...value.regionalProcedures.map((procedure, index) => ({
      kind: 'regional-procedure' as const,
      id: procedure.id,
      path: ['regionalProcedures', index, 'id'],
    })),
    ...value.jointBodies.map((item, index) => ({ kind: 'body' as const, id: item.id, path: ['jointBodies', index, 'id'] })),
  ],
  references: (value) => bodyReferences(value.jointBodies, 'jointBodies'),
});
