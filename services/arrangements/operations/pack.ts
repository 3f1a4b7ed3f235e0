import { In, Like, Not, type EntityManager } from 'typeorm';
import { hasRole } from '@safeguarding/auth';
import {
  partnershipArrangementsSection,
  REGIONAL,
  regionalArrangementsSection,
  type PackBody,
  type PackStrategicPlan,
  type PartnershipArrangements,
  type Provenance,
  type RegionalArrangements,
  type SourceCitation,
  packProvenanceOf,
} from '@safeguarding/packs';
import {
  applyPackSection,
  badUserInput,
  exportPackSection,
  forbidden,
  reconcileRows,
  todayInEngland,
  type PackChange,
  type PackSectionApplied,
  type PackSectionText,
} from '@safeguarding/subgraph-runtime';
import type { ChairRuleSeed, QuorumRuleSeed } from '@safeguarding/packs';
import type { OperationContext } from '../context';
import {
  ArrangementDocumentEntity,
  BodyEntity,
  BodyPartnershipEntity,
  BodyRelationshipEntity,
  BodyReportingLineEntity,
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  PartnershipEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureChapterEntity,
  RegionalProcedureEntity,
  StatutoryFunctionEntity,
  StrategicPlanEntity,
  StrategicPriorityEntity,
  StrategicPriorityVersionEntity,
  SuccessStatementEntity,
  SuccessStatementVersionEntity,
} from '../entities';
import { checkPlanPeriod, checkRevisionDate, checkSuccessTarget } from '../rules/strategic-plan-edits';
import type { SuccessTarget } from '../rules/success-target';
import { priorityCurrentFrom, statementCurrentFrom } from './strategic-plan-edits';
import { EscalationProcedureEntity, EscalationStepEntity, type EscalationRevision } from '../entities/escalation-procedure';
import { escalationStepProblem } from '../rules/escalation-steps';
import { contributionsProblem, datesInOrderProblem, overlappingPeriodProblem, type FactProblem } from '../rules/partnership-facts';
import { chairRuleProblem, quorumAgenciesOutside } from '../rules/body-terms';
import { describeReportingLineBreach, reportingLineBreach } from '../rules/reporting-lines';

/**
 * The arrangements section of a pack, applied and exported (issue 17). A partnership's section
 * holds its facts, Lead Safeguarding Partners, documents, budgets, the bodies it owns (ids
 * "<slug>.…"), the bodies it shares (sharedBodies) and its adoptions of regional procedures; the
 * regional section holds the regional procedures with their chapters and the joint bodies
 * ("joint.…"). The seed applies the same functions to the files in packs/, so what the API
 * exports of a fresh database is the files byte for byte. Provenance is stored as is in the
 * `source` jsonb columns. The partnership section also holds escalation procedures and strategic
 * plans (their current text; revisions and retirements are dated the day the pack is applied).
 */

/**
 * The provenance a stored `source` holds. Rows recorded through the API hold the older citation
 * shape (a document and section as the administrator gave them, no quote): exported as recorded,
 * never as stated (packProvenanceOf).
 */
function provenanceOf(source: SourceCitation | Provenance): Provenance {
  if ('kind' in source) return source;
  return packProvenanceOf(source);
}

const asSource = (value: Provenance): SourceCitation => value as unknown as SourceCitation;

/** Drops undefined and null members so the YAML lists only what is known. */
function known<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined && member !== null)) as T;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys sorted: jsonb hands keys back in its own order, so equal values compare equal. */
function canonical(value: unknown): string {
  const sorted = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(sorted)
      : item && typeof item === 'object'
        ? Object.fromEntries(
            Object.entries(item as Record<string, unknown>)
              .sort(([a], [b]) => byText(a, b))
              .map(([key, child]) => [key, sorted(child)]),
          )
        : item;
  return JSON.stringify(sorted(value));
}

/** A NUL or half a surrogate pair: text PostgreSQL cannot store, refused before anything is written. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

function refuseUnstorableText(value: unknown, path: (string | number)[] = []): void {
  if (typeof value === 'string') {
    if (unstorable(value))
      throw badUserInput(
        `${path.join('.') || 'The text'} holds a NUL character or half a character (a lone surrogate); remove it. Nothing was applied.`,
        path.join('.'),
      );
  } else if (Array.isArray(value)) value.forEach((item, index) => refuseUnstorableText(item, [...path, index]));
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) refuseUnstorableText(child, [...path, key]);
}

function refuse(problem: FactProblem | null): void {
  if (problem) throw badUserInput(`${problem.message} Nothing was applied.`, problem.field);
}

// ------------------------------------------------------------------------------------------------
// Bodies (both scopes)
// ------------------------------------------------------------------------------------------------

function bodyRow(body: PackBody): Partial<BodyEntity> {
  const chairRule: ChairRuleSeed | null = body.chairRule
    ? (() => {
        const { provenance, ...rule } = body.chairRule;
        return { ...rule, source: asSource(provenance) };
      })()
    : null;
  const quorumRule: QuorumRuleSeed | null = body.quorumRule
    ? (() => {
        const { provenance, ...rule } = body.quorumRule;
        return { ...rule, source: asSource(provenance) };
      })()
    : null;
  const parent = (body.reportingLines ?? []).find((line) => line.kind === 'REPORTS_TO' && !line.endDate);
  return {
    id: body.id,
    name: body.name,
    kind: body.kind,
    purpose: body.purpose,
    reportsToBodyId: parent?.to ?? null,
    meetingFrequency: body.meetingFrequency ?? null,
    chairRule,
    quorumRule,
    usesPaperworkClock: body.usesPaperworkClock ?? false,
    separateChildrenAndAdultsTime: body.separateChildrenAndAdultsTime ?? false,
    validFrom: body.startDate ?? null,
    validTo: body.endDate ?? null,
    source: asSource(body.provenance),
  };
}

function packBody(row: BodyEntity, lines: BodyReportingLineEntity[], related: string[]): PackBody {
  const chairRule = (stored: ChairRuleSeed | null): PackBody['chairRule'] => {
    if (!stored) return undefined;
    const { source, ...rest } = stored;
    return { ...rest, provenance: provenanceOf(source) };
  };
  const quorumRule = (stored: QuorumRuleSeed | null): PackBody['quorumRule'] => {
    if (!stored) return undefined;
    const { source, ...rest } = stored;
    return { ...rest, provenance: provenanceOf(source) };
  };
  return known({
    id: row.id,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    reportingLines: lines.length
      ? lines
          .map((line) => known({ to: line.parentBodyId, kind: line.kind, startDate: line.validFrom ?? undefined, endDate: line.validTo ?? undefined }))
          .sort((a, b) => byText(`${a.to}|${a.kind}|${a.startDate ?? ''}`, `${b.to}|${b.kind}|${b.startDate ?? ''}`))
      : undefined,
    closeRelationships: related.length ? [...related].sort(byText) : undefined,
    meetingFrequency: row.meetingFrequency ?? undefined,
    separateChildrenAndAdultsTime: row.separateChildrenAndAdultsTime || undefined,
    usesPaperworkClock: row.usesPaperworkClock || undefined,
    chairRule: chairRule(row.chairRule),
    quorumRule: quorumRule(row.quorumRule),
    startDate: row.validFrom ?? undefined,
    endDate: row.validTo ?? undefined,
    provenance: provenanceOf(row.source),
  });
}

async function exportBodies(manager: EntityManager, ids: string[]): Promise<PackBody[]> {
  if (ids.length === 0) return [];
  const [rows, lines, relationships] = await Promise.all([
    manager.find(BodyEntity, { where: { id: In(ids) } }),
    manager.find(BodyReportingLineEntity, { where: { bodyId: In(ids) } }),
    manager.find(BodyRelationshipEntity, { where: [{ bodyId: In(ids) }, { relatedBodyId: In(ids) }] }),
  ]);
  return rows
    .sort((a, b) => byText(a.id, b.id))
    .map((row) =>
      packBody(
        row,
        lines.filter((line) => line.bodyId === row.id),
        relationships.flatMap((pair) => (pair.bodyId === row.id ? [pair.relatedBodyId] : pair.relatedBodyId === row.id ? [pair.bodyId] : [])),
      ),
    );
}

/** Parents before children, so a reports-to reference always points at a row that exists. */
function parentsFirst(bodies: PackBody[]): PackBody[] {
  const ordered: PackBody[] = [];
  const placed = new Set<string>();
  const ids = new Set(bodies.map((body) => body.id));
  let pending = [...bodies];
  while (pending.length > 0) {
    const ready = pending.filter((body) => (body.reportingLines ?? []).every((line) => !ids.has(line.to) || placed.has(line.to) || line.to === body.id));
    if (ready.length === 0) {
      // A cycle: the reporting-line rule below names it; insert in the given order meanwhile.
      ordered.push(...pending);
      break;
    }
    for (const body of ready) {
      ordered.push(body);
      placed.add(body.id);
    }
    pending = pending.filter((body) => !placed.has(body.id));
  }
  return ordered;
}

/** Checks what the body mutations check: chair rules that make sense, dates in order, lines to bodies that exist, no cycles. */
async function refuseBadBodies(manager: EntityManager, bodies: PackBody[], path: string, agencies: string[] | null): Promise<void> {
  for (const [index, body] of bodies.entries()) {
    const at = `${path}.${index}`;
    refuse(datesInOrderProblem(body.startDate, body.endDate, `${at}.endDate`));
    const problem = body.chairRule ? chairRuleProblem(body.chairRule) : null;
    if (problem) throw badUserInput(`${problem.message} Nothing was applied.`, `${at}.chairRule.${problem.field}`);
    const outside = body.quorumRule && agencies ? quorumAgenciesOutside(body.quorumRule.requiredOrganisationIds, agencies) : [];
    if (outside.length > 0)
      throw badUserInput(
        `A quorum rule may only name agencies that sit on the body: ${outside.map((id) => `"${id}"`).join(', ')} ${outside.length === 1 ? 'is' : 'are'} not a Lead Safeguarding Partner of the partnership (${agencies!.join(', ') || 'none given'}). Nothing was applied.`,
        `${at}.quorumRule.requiredOrganisationIds`,
      );
    for (const [lineIndex, line] of (body.reportingLines ?? []).entries())
      refuse(datesInOrderProblem(line.startDate, line.endDate, `${at}.reportingLines.${lineIndex}.endDate`));
  }
  const referenced = [...new Set(bodies.flatMap((body) => [...(body.reportingLines ?? []).map((line) => line.to), ...(body.closeRelationships ?? [])]))];
  const existing = new Set([
    ...bodies.map((body) => body.id),
    ...(await manager.find(BodyEntity, { select: { id: true }, where: { id: In(referenced) } })).map((row) => row.id),
  ]);
  for (const [index, body] of bodies.entries()) {
    for (const [lineIndex, line] of (body.reportingLines ?? []).entries())
      if (!existing.has(line.to))
        throw badUserInput(
          `No body has the id "${line.to}"; define it in this pack or give the id of an existing body. Nothing was applied.`,
          `${path}.${index}.reportingLines.${lineIndex}.to`,
        );
    for (const [relatedIndex, id] of (body.closeRelationships ?? []).entries())
      if (!existing.has(id))
        throw badUserInput(
          `No body has the id "${id}"; define it in this pack or give the id of an existing body. Nothing was applied.`,
          `${path}.${index}.closeRelationships.${relatedIndex}`,
        );
  }
  const ids = bodies.map((body) => body.id);
  const others = await manager.find(BodyReportingLineEntity, { where: { bodyId: Not(In(ids)) } });
  const proposed = bodies.flatMap((body) =>
    (body.reportingLines ?? []).map((line) => ({ bodyId: body.id, parentBodyId: line.to, validFrom: line.startDate ?? null, validTo: line.endDate ?? null })),
  );
  const breach = reportingLineBreach(others, proposed);
  if (breach) {
    const names = new Map(bodies.map((body) => [body.id, body.name]));
    throw badUserInput(`${describeReportingLineBreach(breach, (id) => names.get(id) ?? id)} Nothing was applied.`, `${path}.reportingLines`);
  }
}

/** Reconciles bodies and their lines and relationships; a body no longer in the pack is ended, never deleted (meetings refer to it). */
/** `agencies`: the organisations a quorum rule may name (the partnership's Lead Safeguarding Partners); null for joint bodies, whose partnerships link to them later. */
async function applyBodies(manager: EntityManager, bodies: PackBody[], idPrefix: string, path: string, agencies: string[] | null): Promise<PackChange[]> {
  await refuseBadBodies(manager, bodies, path, agencies);
  const today = todayInEngland();
  const ids = bodies.map((body) => body.id);
  const changes = await reconcileRows(
    manager,
    {
      entity: BodyEntity,
      name: 'Body',
      key: (row) => row.id!,
      columns: [
        'name',
        'kind',
        'purpose',
        'reportsToBodyId',
        'meetingFrequency',
        'chairRule',
        'quorumRule',
        'usesPaperworkClock',
        'separateChildrenAndAdultsTime',
        'validFrom',
        'validTo',
        'source',
      ],
      existing: { id: Like(`${idPrefix}%`) },
      whenAbsent: (row) => ({ validTo: row.validTo ?? today }),
    },
    parentsFirst(bodies).map(bodyRow),
  );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: BodyReportingLineEntity,
        name: 'ReportingLine',
        key: (row) => `${row.bodyId}>${row.parentBodyId}/${row.kind}/${row.validFrom ?? ''}`,
        columns: ['validTo'],
        existing: { bodyId: Like(`${idPrefix}%`) },
      },
      bodies.flatMap((body) =>
        (body.reportingLines ?? []).map((line) => ({
          bodyId: body.id,
          parentBodyId: line.to,
          kind: line.kind,
          validFrom: line.startDate ?? null,
          validTo: line.endDate ?? null,
        })),
      ),
    )),
  );
  const pairs = new Map<string, { bodyId: string; relatedBodyId: string }>();
  for (const body of bodies)
    for (const related of body.closeRelationships ?? []) {
      const [first, second] = [body.id, related].sort(byText) as [string, string];
      pairs.set(`${first}|${second}`, { bodyId: first, relatedBodyId: second });
    }
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: BodyRelationshipEntity,
        name: 'CloseRelationship',
        key: (row) => `${row.bodyId}|${row.relatedBodyId}`,
        columns: [],
        existing: ids.length ? [{ bodyId: Like(`${idPrefix}%`) }, { relatedBodyId: Like(`${idPrefix}%`) }] : { bodyId: Like(`${idPrefix}%`) },
      },
      [...pairs.values()],
    )),
  );
  return changes;
}

// ------------------------------------------------------------------------------------------------
// Partnership section
// ------------------------------------------------------------------------------------------------

/** The partnership's section as the platform holds it, in a fixed order (the files in packs/ are this, byte for byte). */
export async function buildPartnershipSection(manager: EntityManager, slug: string): Promise<PartnershipArrangements> {
  const partnership = await manager.findOne(PartnershipEntity, { where: { id: slug } });
  if (!partnership) throw badUserInput(`No partnership has the slug "${slug}"; query partnerships { slug } for the slugs.`, 'scope');
  const [functions, partners, documents, budgets, links, adoptions] = await Promise.all([
    manager.find(StatutoryFunctionEntity, { where: { partnershipId: slug } }),
    manager.find(LeadSafeguardingPartnerEntity, { where: { partnershipId: slug } }),
    manager.find(ArrangementDocumentEntity, { where: { partnershipId: slug } }),
    manager.find(BudgetEntity, { where: { partnershipId: slug } }),
    manager.find(BodyPartnershipEntity, { where: { partnershipId: slug } }),
    manager.find(RegionalProcedureAdoptionEntity, { where: { partnershipId: slug } }),
  ]);
  const contributions = budgets.length ? await manager.find(BudgetContributionEntity, { where: { budgetId: In(budgets.map((budget) => budget.id)) } }) : [];
  const owned = links.map((link) => link.bodyId).filter((id) => id.startsWith(`${slug}.`));
  const shared = links
    .map((link) => link.bodyId)
    .filter((id) => !id.startsWith(`${slug}.`))
    .sort(byText);
  return known({
    partnership: known({
      name: partnership.name,
      shortName: partnership.shortName,
      policeForce: partnership.policeForce,
      area: partnership.area
        ? known({
            name: partnership.area,
            hectares: partnership.areaHectares ?? undefined,
            provenance: partnership.areaSource ? provenanceOf(partnership.areaSource) : provenanceOf(partnership.source),
          })
        : undefined,
      population:
        partnership.populationValue !== null && partnership.populationYear && partnership.populationSource
          ? {
              value: partnership.populationValue,
              year: partnership.populationYear,
              description: partnership.populationDescription ?? '',
              provenance: provenanceOf(partnership.populationSource),
            }
          : undefined,
      independentScrutiny:
        partnership.independentScrutiny && partnership.independentScrutinySource
          ? { description: partnership.independentScrutiny, provenance: provenanceOf(partnership.independentScrutinySource) }
          : undefined,
      indicators: partnership.indicators.length
        ? partnership.indicators.map((indicator) => {
            const { source, ...rest } = indicator;
            return known({ ...rest, provenance: provenanceOf(source) });
          })
        : undefined,
      statutoryFunctions: functions
        .sort((a, b) => byText(a.kind, b.kind))
        .map((item) => ({ kind: item.kind, description: item.description, provenance: provenanceOf(item.source) })),
      provenance: provenanceOf(partnership.source),
    }),
    leadSafeguardingPartners: partners
      .sort((a, b) => byText(`${a.organisationId}|${a.validFrom ?? ''}`, `${b.organisationId}|${b.validFrom ?? ''}`))
      .map((partner) =>
        known({
          organisation: partner.organisationId,
          leadPost: partner.leadPost ?? undefined,
          delegatedPost: partner.delegatedPost ?? undefined,
          startDate: partner.validFrom ?? undefined,
          endDate: partner.validTo ?? undefined,
          provenance: provenanceOf(partner.source),
        }),
      ),
    arrangementDocuments: documents
      .sort((a, b) => byText(a.title, b.title))
      .map((document) =>
        known({
          title: document.title,
          version: document.version ?? undefined,
          approvedOn: document.approvedOn ?? undefined,
          reviewOn: document.reviewOn ?? undefined,
          publishedOn: document.publishedOn ?? undefined,
          provenance: provenanceOf(document.source),
        }),
      ),
    budgets: budgets
      .sort((a, b) => byText(a.financialYear ?? '', b.financialYear ?? ''))
      .map((budget) =>
        known({
          financialYear: budget.financialYear ?? undefined,
          totalMinorUnits: budget.totalMinorUnits ?? undefined,
          accountableBody: budget.accountableBodyOrganisationId ?? undefined,
          description: budget.description,
          contributions: contributions
            .filter((contribution) => contribution.budgetId === budget.id)
            .sort((a, b) => byText(a.organisationId, b.organisationId))
            .map((contribution) =>
              known({
                organisation: contribution.organisationId,
                amountMinorUnits: contribution.amountMinorUnits ?? undefined,
                description: contribution.description ?? undefined,
                provenance: provenanceOf(contribution.source),
              }),
            ),
          provenance: provenanceOf(budget.source),
        }),
      ),
    bodies: await exportBodies(manager, owned),
    sharedBodies: shared.length ? shared : undefined,
    escalationProcedures: await exportEscalationProcedures(manager, slug),
    strategicPlans: await exportStrategicPlans(manager, slug),
    procedureAdoptions: adoptions.length
      ? adoptions
          .sort((a, b) => byText(a.procedureId, b.procedureId))
          .map((adoption) => ({ procedure: adoption.procedureId, how: adoption.how, provenance: provenanceOf(adoption.source) }))
      : undefined,
  });
}

function refusePartnershipFacts(value: PartnershipArrangements): void {
  const periods = value.leadSafeguardingPartners.map((partner, index) => ({
    index,
    organisation: partner.organisation,
    validFrom: partner.startDate ?? null,
    validTo: partner.endDate ?? null,
  }));
  for (const period of periods) {
    refuse(datesInOrderProblem(period.validFrom, period.validTo, `leadSafeguardingPartners.${period.index}.endDate`));
    const others = periods.filter((other) => other.organisation === period.organisation && other.index < period.index);
    refuse(overlappingPeriodProblem({ validFrom: period.validFrom, validTo: period.validTo }, others, `leadSafeguardingPartners.${period.index}.startDate`));
  }
  const years = new Set<string>();
  for (const [index, budget] of value.budgets.entries()) {
    const year = budget.financialYear ?? '';
    if (years.has(year))
      throw badUserInput(
        `Two budgets ${year ? `for ${year}` : 'without a financial year'}; give one budget per financial year. Nothing was applied.`,
        `budgets.${index}.financialYear`,
      );
    years.add(year);
    const problem = contributionsProblem(
      budget.totalMinorUnits ?? null,
      budget.contributions.map((contribution) => ({ organisationId: contribution.organisation, amountPence: contribution.amountMinorUnits ?? null })),
    );
    if (problem) refuse({ ...problem, field: `budgets.${index}.${problem.field}` });
  }
}

/** Writes a partnership's section; the seed calls it with the files in packs/, the mutation with the caller's text. */
/** `recordedBy` names who applied the pack in the earlier versions a revision keeps (the mutations record the caller's subject). */
export async function applyPartnershipSection(
  manager: EntityManager,
  value: PartnershipArrangements,
  slug: string,
  recordedBy = 'the seed (packs/)',
): Promise<PackChange[]> {
  refuseUnstorableText(value);
  refusePartnershipFacts(value);
  for (const [index, body] of value.bodies.entries())
    if (!body.id.startsWith(`${slug}.`))
      throw badUserInput(
        `A body in ${slug}'s pack has an id starting "${slug}." ("${body.id}" does not); a body the region shares goes in the regional pack, one another partnership owns in sharedBodies. Nothing was applied.`,
        `bodies.${index}.id`,
      );
  const facts = value.partnership;
  const changes = await reconcileRows(
    manager,
    {
      entity: PartnershipEntity,
      name: 'Partnership',
      key: (row) => row.id!,
      columns: [
        'name',
        'shortName',
        'policeForce',
        'area',
        'areaHectares',
        'areaSource',
        'indicators',
        'populationValue',
        'populationYear',
        'populationDescription',
        'populationSource',
        'independentScrutiny',
        'independentScrutinySource',
        'source',
      ],
      existing: { id: slug },
    },
    [
      {
        id: slug,
        name: facts.name,
        shortName: facts.shortName,
        policeForce: facts.policeForce,
        area: facts.area?.name ?? null,
        areaHectares: facts.area?.hectares ?? null,
        areaSource: facts.area ? asSource(facts.area.provenance) : null,
        indicators: (facts.indicators ?? []).map(({ provenance, ...indicator }) => ({ ...indicator, source: asSource(provenance) })),
        populationValue: facts.population?.value ?? null,
        populationYear: facts.population?.year ?? null,
        populationDescription: facts.population?.description ?? null,
        populationSource: facts.population ? asSource(facts.population.provenance) : null,
        independentScrutiny: facts.independentScrutiny?.description ?? null,
        independentScrutinySource: facts.independentScrutiny ? asSource(facts.independentScrutiny.provenance) : null,
        source: asSource(facts.provenance),
      },
    ],
  );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: StatutoryFunctionEntity,
        name: 'StatutoryFunction',
        key: (row) => `${slug}/${row.kind}`,
        columns: ['description', 'source'],
        existing: { partnershipId: slug },
      },
      facts.statutoryFunctions.map((item) => ({ partnershipId: slug, kind: item.kind, description: item.description, source: asSource(item.provenance) })),
    )),
  );
  const today = todayInEngland();
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: LeadSafeguardingPartnerEntity,
        name: 'LeadSafeguardingPartner',
        key: (row) => `${slug}/${row.organisationId}/${row.validFrom ?? ''}`,
        columns: ['leadPost', 'delegatedPost', 'validTo', 'source'],
        existing: { partnershipId: slug },
        whenAbsent: (row) => ({ validTo: row.validTo ?? today }),
      },
      value.leadSafeguardingPartners.map((partner) => ({
        partnershipId: slug,
        organisationId: partner.organisation,
        leadPost: partner.leadPost ?? null,
        delegatedPost: partner.delegatedPost ?? null,
        validFrom: partner.startDate ?? null,
        validTo: partner.endDate ?? null,
        source: asSource(partner.provenance),
      })),
    )),
  );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: ArrangementDocumentEntity,
        name: 'ArrangementDocument',
        key: (row) => `${slug}/${row.title}`,
        columns: ['version', 'approvedOn', 'reviewOn', 'publishedOn', 'source'],
        existing: { partnershipId: slug },
      },
      value.arrangementDocuments.map((document) => ({
        partnershipId: slug,
        title: document.title,
        version: document.version ?? null,
        approvedOn: document.approvedOn ?? null,
        reviewOn: document.reviewOn ?? null,
        publishedOn: document.publishedOn ?? null,
        source: asSource(document.provenance),
      })),
    )),
  );
  const budgetKey = (year: string | null | undefined) => `${slug}/${year ?? 'no financial year'}`;
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: BudgetEntity,
        name: 'Budget',
        key: (row) => budgetKey(row.financialYear),
        columns: ['totalMinorUnits', 'accountableBodyOrganisationId', 'description', 'source'],
        existing: { partnershipId: slug },
      },
      value.budgets.map((budget) => ({
        partnershipId: slug,
        financialYear: budget.financialYear ?? null,
        totalMinorUnits: budget.totalMinorUnits ?? null,
        accountableBodyOrganisationId: budget.accountableBody ?? null,
        description: budget.description,
        source: asSource(budget.provenance),
      })),
    )),
  );
  const budgetRows = await manager.find(BudgetEntity, { where: { partnershipId: slug } });
  const budgetIds = new Map(budgetRows.map((row) => [budgetKey(row.financialYear), row.id]));
  const yearOfBudget = new Map(budgetRows.map((row) => [row.id, row.financialYear]));
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: BudgetContributionEntity,
        name: 'BudgetContribution',
        key: (row) => `${budgetKey(yearOfBudget.get(row.budgetId!))}/${row.organisationId}`,
        columns: ['amountMinorUnits', 'description', 'source'],
        existing: { budgetId: In([...budgetIds.values()]) },
      },
      value.budgets.flatMap((budget) =>
        budget.contributions.map((contribution) => ({
          budgetId: budgetIds.get(budgetKey(budget.financialYear))!,
          organisationId: contribution.organisation,
          amountMinorUnits: contribution.amountMinorUnits ?? null,
          description: contribution.description ?? null,
          source: asSource(contribution.provenance),
        })),
      ),
    )),
  );
  const agencies = [...new Set(value.leadSafeguardingPartners.map((partner) => partner.organisation))];
  changes.push(...(await applyBodies(manager, value.bodies, `${slug}.`, 'bodies', agencies)));
  const shared = value.sharedBodies ?? [];
  const sharedExisting = new Set((await manager.find(BodyEntity, { select: { id: true }, where: { id: In(shared) } })).map((row) => row.id));
  for (const [index, id] of shared.entries())
    if (!sharedExisting.has(id))
      throw badUserInput(
        `No body has the id "${id}" to share; apply the pack that defines it first, or correct the id. Nothing was applied.`,
        `sharedBodies.${index}`,
      );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: BodyPartnershipEntity,
        name: 'BodyPartnership',
        key: (row) => `${row.bodyId}/${row.partnershipId}`,
        columns: [],
        existing: { partnershipId: slug },
      },
      [...value.bodies.map((body) => body.id), ...shared].map((bodyId) => ({ bodyId, partnershipId: slug })),
    )),
  );
  const adoptions = value.procedureAdoptions ?? [];
  const procedures = new Set((await manager.find(RegionalProcedureEntity, { select: { id: true } })).map((row) => row.id));
  for (const [index, adoption] of adoptions.entries())
    if (!procedures.has(adoption.procedure))
      throw badUserInput(
        `No regional procedure has the id "${adoption.procedure}"; the regional pack defines them (query regionalProcedures { id }). Nothing was applied.`,
        `procedureAdoptions.${index}.procedure`,
      );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: RegionalProcedureAdoptionEntity,
        name: 'RegionalProcedureAdoption',
        key: (row) => `${row.procedureId}/${row.partnershipId}`,
        columns: ['how', 'source'],
        existing: { partnershipId: slug },
      },
      adoptions.map((adoption) => ({ procedureId: adoption.procedure, partnershipId: slug, how: adoption.how, source: asSource(adoption.provenance) })),
    )),
  );
  changes.push(...(await applyEscalationProcedures(manager, value.escalationProcedures ?? [], slug)));
  changes.push(...(await applyStrategicPlans(manager, value.strategicPlans ?? [], slug, recordedBy)));
  return changes;
}

type PackEscalationProcedure = NonNullable<PartnershipArrangements['escalationProcedures']>[number];

async function exportEscalationProcedures(manager: EntityManager, slug: string): Promise<PackEscalationProcedure[] | undefined> {
  const procedures = await manager.find(EscalationProcedureEntity, { where: { partnershipId: slug } });
  if (procedures.length === 0) return undefined;
  const steps = await manager.find(EscalationStepEntity, { where: { procedureId: In(procedures.map((procedure) => procedure.id)) } });
  return procedures
    .sort((a, b) => byText(a.title, b.title))
    .map((procedure) =>
      known({
        title: procedure.title,
        startDate: procedure.validFrom ?? undefined,
        endDate: procedure.validTo ?? undefined,
        steps: steps
          .filter((step) => step.procedureId === procedure.id)
          .sort((a, b) => a.position - b.position)
          .map((step) =>
            known({
              trigger: step.trigger ?? undefined,
              who: step.who,
              action: step.action,
              timescale: step.timescale ?? undefined,
              // Steps recorded through the API carry no provenance of their own: the procedure's stands for them.
              provenance: provenanceOf(step.source ?? procedure.source),
            }),
          ),
        provenance: provenanceOf(procedure.source),
      }),
    );
}

/**
 * Escalation procedures by title. Changed steps replace the old ones the way replaceEscalationSteps
 * does: the old list is kept in `revisions` and the version goes up. A procedure left out is ended.
 */
async function applyEscalationProcedures(manager: EntityManager, procedures: PackEscalationProcedure[], slug: string): Promise<PackChange[]> {
  for (const [index, procedure] of procedures.entries()) {
    refuse(datesInOrderProblem(procedure.startDate, procedure.endDate, `escalationProcedures.${index}.endDate`));
    const problem = escalationStepProblem(procedure.steps.map((step, at) => ({ ...step, position: at + 1 })));
    if (problem)
      throw badUserInput(`${problem.message} Nothing was applied.`, `escalationProcedures.${index}.steps${problem.index === null ? '' : `.${problem.index}`}`);
  }
  const today = todayInEngland();
  const changes = await reconcileRows(
    manager,
    {
      entity: EscalationProcedureEntity,
      name: 'EscalationProcedure',
      key: (row) => `${slug}/${row.title}`,
      columns: ['validFrom', 'validTo', 'source'],
      existing: { partnershipId: slug },
      whenAbsent: (row) => ({ validTo: row.validTo ?? today }),
    },
    procedures.map((procedure) => ({
      partnershipId: slug,
      title: procedure.title,
      validFrom: procedure.startDate ?? null,
      validTo: procedure.endDate ?? null,
      source: asSource(procedure.provenance),
    })),
  );
  const rows = await manager.find(EscalationProcedureEntity, { where: { partnershipId: slug } });
  for (const procedure of procedures) {
    const row = rows.find((candidate) => candidate.title === procedure.title)!;
    const current = (await manager.find(EscalationStepEntity, { where: { procedureId: row.id } })).sort((a, b) => a.position - b.position);
    const desired = procedure.steps.map((step, index) => ({
      procedureId: row.id,
      position: index + 1,
      trigger: step.trigger ?? null,
      who: step.who,
      action: step.action,
      timescale: step.timescale ?? null,
      source: asSource(step.provenance),
    }));
    const shape = (steps: { position: number; trigger: string | null; who: string; action: string; timescale: string | null; source: unknown }[]) =>
      canonical(steps.map(({ position, trigger, who, action, timescale, source }) => [position, trigger, who, action, timescale, source]));
    if (shape(current) === shape(desired)) continue;
    if (current.length > 0) {
      const revision: EscalationRevision = {
        version: row.version,
        replacedOn: today,
        replacedBy: 'a pack import (applyArrangementsPackSection)',
        steps: current,
      };
      await manager.update(EscalationProcedureEntity, { id: row.id }, { revisions: [...row.revisions, revision] });
      await manager.delete(EscalationStepEntity, { procedureId: row.id });
      if (!changes.some((change) => change.key === `${slug}/${row.title}`))
        changes.push({ entity: 'EscalationProcedure', key: `${slug}/${row.title}`, change: 'CHANGED', fields: ['steps'] });
    }
    await manager.insert(EscalationStepEntity, desired);
  }
  return changes;
}

// ------------------------------------------------------------------------------------------------
// Strategic plans (partnership section)
// ------------------------------------------------------------------------------------------------

type PackPriority = PackStrategicPlan['priorities'][number];
type PackStatement = PackPriority['successStatements'][number];

/** The day before a date (YYYY-MM-DD): the last day of something retired from that date. */
function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * How a changed text is applied today: as a revision from today (the replaced text kept as an
 * earlier version), or as a correction in place when the current text has not been in force a day
 * before today (it took effect today, by a second pack the same day, or the period has not begun):
 * no day of it would otherwise be kept. Refused, by reviseStrategicPriority's rule
 * (checkRevisionDate), when today is after the period, or before a revision recorded through the
 * API for a later date.
 */
function revisionToday(
  current: { from: string; revisedFrom: string | null },
  periodEnd: string,
  today: string,
  field: string,
  outOfPeriod: (field: string) => Error,
): 'revision' | 'correction' {
  if (today > periodEnd) throw outOfPeriod(field);
  if (current.revisedFrom !== null && current.revisedFrom > today)
    throw badUserInput(
      `The current text takes effect on ${current.revisedFrom}, after today (${today}), as recorded through the API; a pack applies changes from the day it is applied. Change it with the mutations, or apply the pack from ${current.revisedFrom}. Nothing was applied.`,
      field,
    );
  if (current.from >= today) return 'correction';
  if (checkRevisionDate(today, current.from, periodEnd)) throw outOfPeriod(field);
  return 'revision';
}

/** A statement's typed target as the pack writes it (the stored shape holds baselinePeriod as null when there is none). */
function packTarget(target: SuccessTarget | null): PackStatement['target'] {
  if (!target) return undefined;
  return known({
    comparison: target.comparison,
    value: target.value,
    unit: target.unit,
    baselinePeriod: target.baselinePeriod ?? undefined,
    measures: target.measures,
  });
}

const storedTarget = (target: PackStatement['target']): SuccessTarget | null =>
  target
    ? { comparison: target.comparison, value: target.value, unit: target.unit, baselinePeriod: target.baselinePeriod ?? null, measures: target.measures }
    : null;

/**
 * The partnership's plans as they stand today: each priority not retired (its last day is the
 * plan's), each statement in force today or later (not retired), with its current text only;
 * earlier versions stay in the platform (earlierVersions), not in the pack.
 */
async function exportStrategicPlans(manager: EntityManager, slug: string): Promise<PackStrategicPlan[] | undefined> {
  const plans = await manager.find(StrategicPlanEntity, { where: { partnershipId: slug } });
  if (plans.length === 0) return undefined;
  const today = todayInEngland();
  const priorities = await manager.find(StrategicPriorityEntity, { where: { planId: In(plans.map((plan) => plan.id)) } });
  const statements = priorities.length
    ? await manager.find(SuccessStatementEntity, { where: { priorityId: In(priorities.map((priority) => priority.id)) } })
    : [];
  return plans
    .sort((a, b) => byText(a.periodStart, b.periodStart))
    .map((plan) => ({
      title: plan.title,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      provenance: provenanceOf(plan.source),
      priorities: priorities
        .filter((priority) => priority.planId === plan.id && priority.periodEnd >= plan.periodEnd)
        .sort((a, b) => byText(a.id, b.id))
        .map((priority) => ({
          id: priority.id,
          heading: priority.title,
          kind: priority.kind,
          owningGroup: priority.bodyId,
          successStatements: statements
            .filter((statement) => statement.priorityId === priority.id && (statement.validTo === null || statement.validTo >= today))
            .sort((a, b) => a.position - b.position)
            .map((statement) => known({ text: statement.text, target: packTarget(statement.target), provenance: provenanceOf(statement.source) })),
          provenance: provenanceOf(priority.source),
        })),
    }));
}

/**
 * Plans by title, priorities by id, statements by their text within a priority. The pack holds the
 * current text: a priority heading or statement text that differs is applied as a revision from
 * today, exactly as reviseStrategicPriority / reviseSuccessStatement with effectiveFrom (the
 * earlier text is kept as an earlier version); a priority or statement left out is retired with
 * yesterday as its last day. The mutations' rules hold: plans do not overlap, a revision falls
 * within the plan's period and after the current text took effect, an owning group is a body of
 * the partnership. A plan's period is not changed by a pack (no mutation changes it either), and a
 * plan is never deleted.
 */
async function applyStrategicPlans(manager: EntityManager, plans: PackStrategicPlan[], slug: string, who: string): Promise<PackChange[]> {
  const today = todayInEngland();
  const changes: PackChange[] = [];
  // Rows are read FOR UPDATE: a plan mutation that read them first then finds the version moved
  // (CONFLICT), and one that wrote first is seen here, so neither overwrites the other.
  const existing = await manager.find(StrategicPlanEntity, { where: { partnershipId: slug }, lock: { mode: 'pessimistic_write' } });
  for (const plan of existing)
    if (!plans.some((item) => item.title === plan.title))
      throw badUserInput(
        `The partnership's plan "${plan.title}" is not in the pack; a pack does not delete plans (their priorities and measurements refer to them). Put it back (export the section for its text). Nothing was applied.`,
        'strategicPlans',
      );
  const titles = new Set<string>();
  const ownBodies = new Set((await manager.find(BodyPartnershipEntity, { where: { partnershipId: slug } })).map((link) => link.bodyId));
  for (const [index, plan] of plans.entries()) {
    if (titles.has(plan.title))
      throw badUserInput(`Two plans have the title "${plan.title}"; a title names one plan. Nothing was applied.`, `strategicPlans.${index}.title`);
    titles.add(plan.title);
    const current = existing.find((row) => row.title === plan.title);
    if (current && (current.periodStart !== plan.periodStart || current.periodEnd !== plan.periodEnd))
      throw badUserInput(
        `The plan "${plan.title}" runs from ${current.periodStart} to ${current.periodEnd}; a pack does not change a plan's period. Write those dates. Nothing was applied.`,
        `strategicPlans.${index}.periodStart`,
      );
    const problem = checkPlanPeriod(
      plan,
      plans.filter((other) => other !== plan),
    );
    if (problem) throw badUserInput(`${problem.message}. Nothing was applied.`, `strategicPlans.${index}.${problem.field}`);
    const ids = new Set<string>();
    for (const [at, priority] of plan.priorities.entries()) {
      const path = `strategicPlans.${index}.priorities.${at}`;
      if (!priority.id.startsWith(`${slug}.`))
        throw badUserInput(`A priority's id starts with the partnership's slug ("${slug}."); "${priority.id}" does not. Nothing was applied.`, `${path}.id`);
      if (ids.has(priority.id)) throw badUserInput(`The priority "${priority.id}" is listed twice. Nothing was applied.`, `${path}.id`);
      ids.add(priority.id);
      if (!ownBodies.has(priority.owningGroup))
        throw badUserInput(
          `The owning group "${priority.owningGroup}" is not one of the partnership's bodies (its bodies or sharedBodies). Nothing was applied.`,
          `${path}.owningGroup`,
        );
      const texts = priority.successStatements.map((statement) => statement.text);
      const repeated = texts.findIndex((text, position) => texts.indexOf(text) !== position);
      if (repeated >= 0)
        throw badUserInput(`The statement "${texts[repeated]}" is listed twice. Nothing was applied.`, `${path}.successStatements.${repeated}.text`);
      for (const [position, statement] of priority.successStatements.entries())
        if (statement.target) {
          const targetProblem = checkSuccessTarget(
            { ...statement.target, baselineValue: null, baselinePeriod: statement.target.baselinePeriod ?? null },
            `${path}.successStatements.${position}.target`,
          );
          if (targetProblem) throw badUserInput(`${targetProblem.message}. Nothing was applied.`, targetProblem.field);
        }
    }
  }
  for (const [index, plan] of plans.entries()) {
    let row = existing.find((item) => item.title === plan.title);
    if (!row) {
      const inserted = await manager.insert(StrategicPlanEntity, {
        partnershipId: slug,
        title: plan.title,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        source: asSource(plan.provenance),
      });
      row = await manager.findOneByOrFail(StrategicPlanEntity, { id: inserted.identifiers[0]!.id as string });
      changes.push({ entity: 'StrategicPlan', key: `${slug}/${plan.title}`, change: 'ADDED', fields: [] });
    } else if (canonical(row.source) !== canonical(plan.provenance)) {
      await manager.update(StrategicPlanEntity, { id: row.id }, { source: asSource(plan.provenance), version: row.version + 1 });
      changes.push({ entity: 'StrategicPlan', key: `${slug}/${plan.title}`, change: 'CHANGED', fields: ['provenance'] });
    }
    const isNew = !existing.includes(row);
    changes.push(...(await applyPriorities(manager, row, plan.priorities, isNew, today, who, `strategicPlans.${index}`)));
  }
  return changes;
}

async function applyPriorities(
  manager: EntityManager,
  plan: StrategicPlanEntity,
  priorities: PackPriority[],
  planIsNew: boolean,
  today: string,
  who: string,
  path: string,
): Promise<PackChange[]> {
  const changes: PackChange[] = [];
  const rows = await manager.find(StrategicPriorityEntity, { where: { planId: plan.id }, lock: { mode: 'pessimistic_write' } });
  const outOfPeriod = (field: string) =>
    badUserInput(
      `The plan "${plan.title}" ran from ${plan.periodStart} to ${plan.periodEnd}; a change applied today (${today}) would take effect outside it, and a pack applies changes from the day it is applied. Correct the text with reviseStrategicPriority or reviseSuccessStatement without effectiveFrom, or leave it as exported. Nothing was applied.`,
      field,
    );
  for (const row of rows) {
    if (row.periodEnd < plan.periodEnd || priorities.some((priority) => priority.id === row.id)) continue;
    // Left out of the pack: retired, yesterday being its last day (retireStrategicPriority's rule).
    const lastDay = dayBefore(today);
    if (lastDay >= row.periodEnd) throw outOfPeriod(`${path}.priorities`);
    await manager.update(StrategicPriorityEntity, { id: row.id }, { periodEnd: lastDay, version: row.version + 1 });
    changes.push({ entity: 'StrategicPriority', key: row.id, change: 'ENDED', fields: ['periodEnd'] });
  }
  for (const [at, priority] of priorities.entries()) {
    const field = `${path}.priorities.${at}`;
    let row = rows.find((item) => item.id === priority.id);
    const added = !row;
    if (!row) {
      const taken = await manager.findOne(StrategicPriorityEntity, { where: { id: priority.id } });
      if (taken) throw badUserInput(`The priority id "${priority.id}" belongs to another plan; give this one its own id. Nothing was applied.`, `${field}.id`);
      // From the plan's first day when the pack adds the plan or the plan has not begun; otherwise from today.
      const periodStart = planIsNew || today < plan.periodStart ? plan.periodStart : today;
      if (periodStart > plan.periodEnd) throw outOfPeriod(`${field}.id`);
      await manager.insert(StrategicPriorityEntity, {
        id: priority.id,
        partnershipId: plan.partnershipId,
        bodyId: priority.owningGroup,
        title: priority.heading,
        kind: priority.kind,
        periodStart,
        periodEnd: plan.periodEnd,
        source: asSource(priority.provenance),
        planId: plan.id,
      });
      row = await manager.findOneByOrFail(StrategicPriorityEntity, { id: priority.id });
      changes.push({ entity: 'StrategicPriority', key: priority.id, change: 'ADDED', fields: [] });
    } else {
      const fields = [
        ...(row.title !== priority.heading ? ['heading'] : []),
        ...(row.kind !== priority.kind ? ['kind'] : []),
        ...(row.bodyId !== priority.owningGroup ? ['owningGroup'] : []),
      ];
      const sourceChanged = canonical(row.source) !== canonical(priority.provenance);
      const how =
        fields.length > 0
          ? revisionToday({ from: priorityCurrentFrom(row), revisedFrom: row.revisedFrom }, row.periodEnd, today, `${field}.${fields[0]}`, outOfPeriod)
          : null;
      if (how === 'revision') {
        // A revision from today, as reviseStrategicPriority with effectiveFrom: the replaced values become an earlier version.
        await manager.insert(StrategicPriorityVersionEntity, {
          priorityId: row.id,
          validFrom: priorityCurrentFrom(row),
          validUntil: today,
          title: row.title,
          kind: row.kind,
          bodyId: row.bodyId,
          recordedBy: who,
        });
      }
      if (fields.length > 0 || sourceChanged) {
        await manager.update(
          StrategicPriorityEntity,
          { id: row.id },
          {
            title: priority.heading,
            kind: priority.kind,
            bodyId: priority.owningGroup,
            source: asSource(priority.provenance),
            ...(how === 'revision' ? { revisedFrom: today } : {}),
            version: row.version + 1,
          },
        );
        changes.push({ entity: 'StrategicPriority', key: row.id, change: 'CHANGED', fields: [...fields, ...(sourceChanged ? ['provenance'] : [])] });
      }
      row = await manager.findOneByOrFail(StrategicPriorityEntity, { id: priority.id });
    }
    changes.push(...(await applyStatements(manager, row, priority.successStatements, added, today, who, field, outOfPeriod)));
  }
  return changes;
}

/**
 * Statements matched by text: a text in both stays (its target and provenance updated in place if
 * they differ); the remaining texts of the pack are matched to the remaining statements in order
 * and applied as revisions from today; any left over in the pack are added from today (from the
 * priority's first day when the pack adds the priority), any left over on the platform retired.
 */
async function applyStatements(
  manager: EntityManager,
  priority: StrategicPriorityEntity,
  statements: PackStatement[],
  priorityIsNew: boolean,
  today: string,
  who: string,
  path: string,
  outOfPeriod: (field: string) => Error,
): Promise<PackChange[]> {
  const changes: PackChange[] = [];
  const current = (await manager.find(SuccessStatementEntity, { where: { priorityId: priority.id }, lock: { mode: 'pessimistic_write' } }))
    .filter((row) => row.validTo === null || row.validTo >= today)
    .sort((a, b) => a.position - b.position);
  const key = (text: string) => `${priority.id}/${text}`;
  const unmatched = current.filter((row) => !statements.some((statement) => statement.text === row.text));
  const newTexts = statements.map((statement, index) => ({ statement, index })).filter(({ statement }) => !current.some((row) => row.text === statement.text));
  for (const statement of statements) {
    const row = current.find((item) => item.text === statement.text);
    if (!row) continue;
    const fields = [
      ...(canonical(row.target) !== canonical(storedTarget(statement.target)) ? ['target'] : []),
      ...(canonical(row.source) !== canonical(statement.provenance) ? ['provenance'] : []),
    ];
    if (fields.length === 0) continue;
    await manager.update(
      SuccessStatementEntity,
      { id: row.id },
      { target: storedTarget(statement.target), source: asSource(statement.provenance), version: row.version + 1 },
    );
    changes.push({ entity: 'SuccessStatement', key: key(statement.text), change: 'CHANGED', fields });
  }
  const last = current.reduce((max, row) => Math.max(max, row.position), 0);
  let nextPosition = Math.max(last, (await manager.maximum(SuccessStatementEntity, 'position', { priorityId: priority.id })) ?? 0) + 1;
  for (const [order, { statement, index }] of newTexts.entries()) {
    const row = unmatched[order];
    const target = storedTarget(statement.target);
    if (row) {
      // A revision from today, as reviseSuccessStatement with effectiveFrom: the replaced text stays as an earlier version.
      const currentFrom = statementCurrentFrom(row, priority);
      const how = revisionToday(
        { from: currentFrom, revisedFrom: row.revisedFrom },
        priority.periodEnd,
        today,
        `${path}.successStatements.${index}.text`,
        outOfPeriod,
      );
      if (how === 'revision')
        await manager.insert(SuccessStatementVersionEntity, {
          statementId: row.id,
          validFrom: currentFrom,
          validUntil: today,
          text: row.text,
          target: row.target,
          baselineValue: row.baselineValue,
          baselineSource: row.baselineSource,
          recordedBy: who,
        });
      // A synthetic baseline belongs to the year it names: kept while the new target names the same year.
      const keepsBaseline = target?.baselinePeriod != null && target.baselinePeriod === row.target?.baselinePeriod;
      await manager.update(
        SuccessStatementEntity,
        { id: row.id },
        {
          text: statement.text,
          target,
          baselineValue: keepsBaseline ? row.baselineValue : null,
          baselineSource: keepsBaseline ? row.baselineSource : null,
          source: asSource(statement.provenance),
          ...(how === 'revision' ? { revisedFrom: today } : {}),
          version: row.version + 1,
        },
      );
      changes.push({
        entity: 'SuccessStatement',
        key: key(row.text),
        change: 'CHANGED',
        fields: ['text', ...(canonical(row.target) !== canonical(target) ? ['target'] : [])],
      });
    } else {
      // Part of a priority added by this pack from its first day; added to an existing priority, from today.
      const validFrom = priorityIsNew || today <= priority.periodStart ? null : today;
      if (!priorityIsNew && today > priority.periodEnd) throw outOfPeriod(`${path}.successStatements.${index}.text`);
      await manager.insert(SuccessStatementEntity, {
        priorityId: priority.id,
        position: nextPosition++,
        text: statement.text,
        target,
        baselineValue: null,
        baselineSource: null,
        source: asSource(statement.provenance),
        validFrom,
      });
      changes.push({ entity: 'SuccessStatement', key: key(statement.text), change: 'ADDED', fields: [] });
    }
  }
  for (const row of unmatched.slice(newTexts.length)) {
    // Left out of the pack: retired, yesterday being its last day (retireSuccessStatement's rule).
    const lastDay = dayBefore(today);
    if (lastDay >= (row.validTo ?? priority.periodEnd)) throw outOfPeriod(`${path}.successStatements`);
    await manager.update(SuccessStatementEntity, { id: row.id }, { validTo: lastDay, version: row.version + 1 });
    changes.push({ entity: 'SuccessStatement', key: key(row.text), change: 'ENDED', fields: ['validTo'] });
  }
  return changes;
}

// ------------------------------------------------------------------------------------------------
// Regional section
// ------------------------------------------------------------------------------------------------

const JOINT = 'joint.';

export async function buildRegionalSection(manager: EntityManager): Promise<RegionalArrangements> {
  const [procedures, chapters, joint] = await Promise.all([
    manager.find(RegionalProcedureEntity),
    manager.find(RegionalProcedureChapterEntity),
    manager.find(BodyEntity, { select: { id: true }, where: { id: Like(`${JOINT}%`) } }),
  ]);
  return {
    regionalProcedures: procedures
      .sort((a, b) => byText(a.id, b.id))
      .map((procedure) => {
        const own = chapters
          .filter((chapter) => chapter.procedureId === procedure.id)
          .sort((a, b) => byText(a.number, b.number) || byText(a.version.padStart(6, '0'), b.version.padStart(6, '0')))
          .map((chapter) =>
            known({
              number: chapter.number,
              title: chapter.title,
              version: chapter.version,
              effectiveFrom: chapter.effectiveFrom,
              changeSummary: chapter.changeSummary ?? undefined,
              provenance: provenanceOf(chapter.source),
            }),
          );
        return known({
          id: procedure.id,
          title: procedure.title,
          region: procedure.region,
          description: procedure.description,
          chapters: own.length ? own : undefined,
          provenance: provenanceOf(procedure.source),
        });
      }),
    jointBodies: await exportBodies(
      manager,
      joint.map((row) => row.id),
    ),
  };
}

export async function applyRegionalSection(manager: EntityManager, value: RegionalArrangements): Promise<PackChange[]> {
  refuseUnstorableText(value);
  for (const [index, body] of value.jointBodies.entries())
    if (!body.id.startsWith(JOINT))
      throw badUserInput(`A joint body's id starts "${JOINT}" ("${body.id}" does not). Nothing was applied.`, `jointBodies.${index}.id`);
  const changes = await reconcileRows(
    manager,
    {
      entity: RegionalProcedureEntity,
      name: 'RegionalProcedure',
      key: (row) => row.id!,
      columns: ['title', 'region', 'description', 'source'],
      existing: {},
    },
    value.regionalProcedures.map((procedure) => ({
      id: procedure.id,
      title: procedure.title,
      region: procedure.region,
      description: procedure.description,
      source: asSource(procedure.provenance),
    })),
  );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: RegionalProcedureChapterEntity,
        name: 'RegionalProcedureChapter',
        key: (row) => `${row.procedureId}/${row.number}/v${row.version}`,
        columns: ['title', 'effectiveFrom', 'changeSummary', 'source'],
        existing: {},
      },
      value.regionalProcedures.flatMap((procedure) =>
        (procedure.chapters ?? []).map((chapter) => ({
          procedureId: procedure.id,
          number: chapter.number,
          title: chapter.title,
          version: chapter.version,
          effectiveFrom: chapter.effectiveFrom,
          changeSummary: chapter.changeSummary ?? null,
          source: asSource(chapter.provenance),
        })),
      ),
    )),
  );
  changes.push(...(await applyBodies(manager, value.jointBodies, JOINT, 'jointBodies', null)));
  return changes;
}

// ------------------------------------------------------------------------------------------------
// The API's operations
// ------------------------------------------------------------------------------------------------

export async function arrangementsPackSection(context: OperationContext, scope: string): Promise<PackSectionText> {
  // Parsed through the schema on the way out: its keys then come in the schema's order (jsonb
  // columns keep theirs sorted by length), so the file reads the same way it was written. A value
  // recorded through the API that the schema would refuse is exported as it is (the order of its
  // keys aside), so the platform always says what it holds; `pack validate` names what to fix.
  const inSchemaOrder = <Value>(schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }, value: Value): Value => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as Value) : value;
  };
  return scope === REGIONAL
    ? exportPackSection(context as never, regionalArrangementsSection, scope, async (manager) =>
        inSchemaOrder(regionalArrangementsSection.schema, await buildRegionalSection(manager)),
      )
    : exportPackSection(context as never, partnershipArrangementsSection, scope, async (manager, slug) =>
        inSchemaOrder(partnershipArrangementsSection.schema, await buildPartnershipSection(manager, slug)),
      );
}

export async function applyArrangementsPackSection(context: OperationContext, scope: string, text: string, dryRun: boolean): Promise<PackSectionApplied> {
  if (scope === REGIONAL) {
    return applyPackSection<RegionalArrangements>(context, {
      definition: regionalArrangementsSection,
      scope,
      text,
      dryRun,
      apply: (manager, value) => applyRegionalSection(manager, value),
    });
  }
  // Creating a partnership is a regional-admin's: a partnership-admin may only apply the pack of one that exists.
  if (!hasRole(context.caller, 'regional-admin') && (await context.dataSource.manager.count(PartnershipEntity, { where: { id: scope } })) === 0)
    throw forbidden(`No partnership "${scope.slice(0, 64)}" exists; only a regional-admin may create one by applying its pack.`);
  return applyPackSection<PartnershipArrangements>(context, {
    definition: partnershipArrangementsSection,
    scope,
    text,
    dryRun,
    apply: (manager, value, slug) => applyPartnershipSection(manager, value, slug, context.caller.subject),
  });
}
