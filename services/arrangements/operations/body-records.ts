import type { ChairRuleSeed, MeetingFrequencySeed, QuorumRuleSeed, SourceCitation } from '@safeguarding/packs';
import {
  addDays,
  badUserInput,
  conflict,
  isLoaded,
  isUniqueViolation,
  multiLineText,
  notFound,
  notPermitted,
  recordReplacedValue,
  singleLineText,
  todayInEngland,
} from '@safeguarding/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import { mayAct, mayEditBody, mayShareBody } from '../access';
import type { OperationContext } from '../context';
import {
  BodyEntity,
  BodyPartnershipEntity,
  BodyRelationshipEntity,
  BodyReportingLineEntity,
  BodyTermsHistoryEntity,
  LeadSafeguardingPartnerEntity,
  type ReportingLineKind,
} from '../entities';
import type { BodyTermsInput, ChairRuleInput, CreateBodyInput, MeetingFrequencyInput, QuorumRuleInput, ReportingLineInput } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import type { BodyParent } from '../models';
import { chairRuleProblem, quorumAgenciesOutside, rowTermsApply, termsOn, type BodyTerms } from '../rules/body-terms';
import { describeReportingLineBreach, reportingLineBreach, type DatedLine } from '../rules/reporting-lines';

/**
 * Bodies as a system of record (issue 16): create, change terms from a date, correct, set the
 * reporting lines from a date, end and share. Every edit checks the caller's scope (access.ts),
 * validates before writing (BAD_USER_INPUT naming the field, nothing written), and writes in one
 * transaction that first bumps the body's version from the one the caller read (stale: CONFLICT).
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAXIMUM_LINES = 10;
const MAXIMUM_RELATIONSHIPS = 20;
const MAXIMUM_QUORUM_ORGANISATIONS = 20;

/** The body with the terms in force on `date` laid over its row (one batched read only for dates before its latest change). */
export async function bodyAsOf(body: BodyEntity, date: string, loaders: ArrangementsLoaders): Promise<BodyParent> {
  if (rowTermsApply(body.termsFrom, date)) return { ...body, asOf: date };
  const history = await loaders.bodyTermsHistory.load(body.id);
  return { ...body, ...termsOn(body, history, date), asOf: date };
}

/** The date a body parent is read as of: the one it carries, else today. */
export const asOfOf = (body: BodyParent): string => body.asOf ?? todayInEngland();

/** The source recorded for what the API writes (the audit trail names who and when). */
const recorded = (mutation: string): SourceCitation => ({ document: 'Recorded through the API', section: mutation, synthetic: false });

function meetingFrequency(input: MeetingFrequencyInput, field: string): MeetingFrequencySeed {
  if (input.meetingsPerYear < 1 || input.meetingsPerYear > 52) throw badUserInput('meetingsPerYear must be between 1 and 52', `${field}.meetingsPerYear`);
  return { meetingsPerYear: input.meetingsPerYear, description: singleLineText(input.description, `${field}.description`, 200), period: input.period };
}

function chairRule(input: ChairRuleInput, field: string, source: SourceCitation): ChairRuleSeed {
  const problem = chairRuleProblem(input);
  if (problem?.field === 'organisationId') throw badUserInput(problem.message, `${field}.organisationId`);
  if (input.organisationId != null && !SLUG.test(input.organisationId))
    throw badUserInput('organisationId must be an organisation id such as west-mercia-police.', `${field}.organisationId`);
  if (problem) throw badUserInput(problem.message, `${field}.${problem.field}`);
  return {
    appointedFrom: input.appointedFrom,
    ...(input.organisationId != null ? { organisationId: input.organisationId } : {}),
    ...(input.post != null ? { post: singleLineText(input.post, `${field}.post`, 200) } : {}),
    ...(input.appointedBy != null ? { appointedBy: singleLineText(input.appointedBy, `${field}.appointedBy`, 200) } : {}),
    termMonths: input.termMonths ?? null,
    termAlignedToFinancialYear: input.termAlignedToFinancialYear,
    noConsecutiveTermsSameOrganisation: input.noConsecutiveTermsSameOrganisation,
    viceChairFromDifferentOrganisation: input.viceChairFromDifferentOrganisation,
    viceChairSucceeds: input.viceChairSucceeds,
    description: multiLineText(input.description, `${field}.description`, 4000),
    source,
  };
}

/** The agencies of the body's partnerships (their Lead Safeguarding Partners), read in the transaction. */
async function partnershipAgencies(manager: EntityManager, partnershipIds: readonly string[]): Promise<string[]> {
  if (partnershipIds.length === 0) return [];
  const rows = await manager
    .getRepository(LeadSafeguardingPartnerEntity)
    .createQueryBuilder('p')
    .where('p.partnership_id = ANY(:ids)', { ids: [...partnershipIds] })
    .getMany();
  return rows.map((row) => row.organisationId);
}

function quorumRule(input: QuorumRuleInput, field: string, source: SourceCitation, agencies: readonly string[]): QuorumRuleSeed {
  if (input.requiredOrganisationIds.length > MAXIMUM_QUORUM_ORGANISATIONS)
    throw badUserInput(`requiredOrganisationIds may name at most ${MAXIMUM_QUORUM_ORGANISATIONS} organisations`, `${field}.requiredOrganisationIds`);
  const outside = quorumAgenciesOutside(input.requiredOrganisationIds, agencies);
  if (outside.length > 0) {
    throw badUserInput(
      `A quorum rule may only name agencies that sit on the body: ${outside.map((id) => `"${id.slice(0, 64)}"`).join(', ')} ${outside.length === 1 ? 'is' : 'are'} not an agency of its partnerships (${agencies.join(', ') || 'none recorded'}).`,
      `${field}.requiredOrganisationIds`,
    );
  }
  return {
    kind: input.kind,
    namedDeputyCounts: input.namedDeputyCounts,
    requiredOrganisationIds: [...new Set(input.requiredOrganisationIds)],
    statutoryPartnersInKeyDecisions: input.statutoryPartnersInKeyDecisions,
    unexplainedAbsenceReported: input.unexplainedAbsenceReported,
    description: multiLineText(input.description, `${field}.description`, 4000),
    source,
  };
}

/** The validated terms an input changes (only the fields given). */
async function termsChanges(input: BodyTermsInput, source: SourceCitation, agencies: () => Promise<string[]>): Promise<Partial<BodyTerms>> {
  const changes: Partial<BodyTerms> = {};
  if (input.kind != null) changes.kind = input.kind;
  if (input.purpose != null) changes.purpose = multiLineText(input.purpose, 'input.purpose', 4000);
  if (input.meetingFrequency) changes.meetingFrequency = meetingFrequency(input.meetingFrequency, 'input.meetingFrequency');
  if (input.chairRule) changes.chairRule = chairRule(input.chairRule, 'input.chairRule', source);
  if (input.quorumRule) changes.quorumRule = quorumRule(input.quorumRule, 'input.quorumRule', source, await agencies());
  if (Object.keys(changes).length === 0) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  return changes;
}

/** Lines given as input: each parent and kind once, at most MAXIMUM_LINES, parents that exist. */
async function validatedLines(
  lines: readonly ReportingLineInput[],
  field: string,
  loaders: ArrangementsLoaders,
): Promise<{ parentBodyId: string; kind: ReportingLineKind }[]> {
  if (lines.length > MAXIMUM_LINES) throw badUserInput(`A body may have at most ${MAXIMUM_LINES} reporting lines`, field);
  const seen = new Set<string>();
  const result: { parentBodyId: string; kind: ReportingLineKind }[] = [];
  for (const [index, line] of lines.entries()) {
    const kind = line.kind ?? 'REPORTS_TO';
    const key = `${line.parentId}|${kind}`;
    if (seen.has(key)) throw badUserInput(`The line to "${line.parentId.slice(0, 80)}" (${kind}) is given twice`, `${field}[${index}].parentId`);
    seen.add(key);
    const parent = line.parentId.length > 200 ? null : await loaders.body.load(line.parentId);
    if (!parent)
      throw badUserInput(`No body has the id "${line.parentId.slice(0, 80)}"; query partnership { bodies { id } } for the ids.`, `${field}[${index}].parentId`);
    result.push({ parentBodyId: parent.id, kind });
  }
  return result;
}

/** Every reporting line, read in the transaction (the graph is small: tens of bodies per partnership). */
async function allLines(manager: EntityManager): Promise<BodyReportingLineEntity[]> {
  // One writer of the lines graph at a time, so two edits cannot each close half of a cycle.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('arrangements reporting lines'))`);
  return manager.getRepository(BodyReportingLineEntity).find();
}

async function refuseCycles(manager: EntityManager, existing: readonly DatedLine[], proposed: readonly DatedLine[], field: string): Promise<void> {
  const breach = reportingLineBreach(existing, proposed);
  if (!breach) return;
  const ids = breach.kind === 'SELF' ? [breach.bodyId] : breach.path;
  const names = new Map((await manager.getRepository(BodyEntity).findBy(ids.map((id) => ({ id })))).map((body) => [body.id, body.name]));
  throw badUserInput(
    describeReportingLineBreach(breach, (id) => names.get(id) ?? id),
    field,
  );
}

/** Bumps the body's version from the one the caller read, inside the transaction; CONFLICT when stale. */
async function bumpVersion(manager: EntityManager, body: BodyEntity, expectedVersion: number, changes: Partial<BodyEntity> = {}): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(BodyEntity)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id: body.id, expectedVersion })
    .execute();
  if (result.affected !== 1)
    throw conflict(`"${body.name}" was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);
}

async function editableBody(context: OperationContext, id: string): Promise<BodyEntity> {
  const { caller, loaders } = context;
  const body = id.length > 200 ? null : await loaders.body.load(id);
  if (!body) throw notFound(`No body has the id "${id.slice(0, 80)}"; query partnership { bodies { id } } for the ids.`);
  if (!(await mayEditBody(caller, body, loaders)))
    throw notPermitted(caller, `Only a partnership-admin of the partnership that owns "${body.name}" may change it.`);
  // The body as it was: the audit trail keeps it beside the state after (a correction stays traceable).
  recordReplacedValue(context, body);
  return body;
}

async function reread(context: OperationContext, id: string): Promise<BodyParent> {
  const body = await context.dataSource.getRepository(BodyEntity).findOneByOrFail({ id });
  // What this request read before the write is stale now.
  const { loaders } = context;
  for (const loader of [
    loaders.body,
    loaders.bodyPartnerships,
    loaders.partnershipBodies,
    loaders.reportingLinesByBody,
    loaders.reportingLinesByParent,
    loaders.bodyTermsHistory,
    loaders.relationships,
  ])
    loader.clearAll();
  return bodyAsOf(body, todayInEngland(), context.loaders);
}

const partnershipIdsOf = async (loaders: ArrangementsLoaders, bodyId: string) =>
  (await loaders.bodyPartnerships.load(bodyId)).map((link) => link.partnershipId);

/** The first open REPORTS_TO parent (else any line's), which the legacy column keeps for the bench. */
const primaryParent = (lines: readonly { parentBodyId: string; kind: string }[]): string | null =>
  (lines.find((line) => line.kind === 'REPORTS_TO') ?? lines[0])?.parentBodyId ?? null;

export async function createBody(context: OperationContext, input: CreateBodyInput): Promise<BodyParent> {
  const { caller, dataSource, loaders } = context;
  const partnershipId = input.partnershipSlug;
  const partnership = partnershipId.length > 64 ? null : await loaders.partnership.load(partnershipId);
  if (!partnership) throw notFound(`No partnership has the slug "${partnershipId.slice(0, 64)}"; query partnerships { slug } for the slugs.`);
  if (!mayAct(caller, 'editBody', [partnership.id])) throw notPermitted(caller, `Only a partnership-admin of ${partnership.name} may create its bodies.`);
  if (input.slug.length > 80 || !SLUG.test(input.slug))
    throw badUserInput(
      'slug must be lower-case letters and digits in words joined by single hyphens, up to 80 characters, e.g. safeguarding-children-partnership.',
      'input.slug',
    );
  const id = `${partnership.id}.${input.slug}`;
  const name = singleLineText(input.name, 'input.name', 200);
  const purpose = multiLineText(input.purpose, 'input.purpose', 4000);
  const source = recorded('createBody');
  const frequency = input.meetingFrequency ? meetingFrequency(input.meetingFrequency, 'input.meetingFrequency') : null;
  const chair = input.chairRule ? chairRule(input.chairRule, 'input.chairRule', source) : null;
  const lines = await validatedLines(input.reportingLines ?? [], 'input.reportingLines', loaders);
  const relatedIds = [...new Set(input.closeRelationships ?? [])];
  if (relatedIds.length > MAXIMUM_RELATIONSHIPS) throw badUserInput(`At most ${MAXIMUM_RELATIONSHIPS} close relationships`, 'input.closeRelationships');
  const related = await Promise.all(relatedIds.map(async (relatedId) => (relatedId.length > 200 ? null : await loaders.body.load(relatedId))));
  const unknown = relatedIds.find((_relatedId, index) => !related[index]);
  if (unknown !== undefined) throw badUserInput(`No body has the id "${unknown.slice(0, 80)}"`, 'input.closeRelationships');
  try {
    await dataSource.transaction(async (manager) => {
      const quorum = input.quorumRule ? quorumRule(input.quorumRule, 'input.quorumRule', source, await partnershipAgencies(manager, [partnership.id])) : null;
      await manager.insert(BodyEntity, {
        id,
        name,
        kind: input.kind,
        purpose,
        reportsToBodyId: primaryParent(lines),
        meetingFrequency: frequency,
        chairRule: chair,
        quorumRule: quorum,
        usesPaperworkClock: false,
        separateChildrenAndAdultsTime: false,
        validFrom: input.validFrom,
        validTo: null,
        termsFrom: null,
        source,
      });
      await manager.insert(BodyPartnershipEntity, { bodyId: id, partnershipId: partnership.id });
      if (lines.length > 0)
        await manager.insert(
          BodyReportingLineEntity,
          lines.map((line) => ({ bodyId: id, ...line, validFrom: input.validFrom, validTo: null })),
        );
      if (relatedIds.length > 0)
        await manager.insert(
          BodyRelationshipEntity,
          relatedIds.map((relatedId) => {
            const [bodyId, relatedBodyId] = [id, relatedId].sort() as [string, string];
            return { bodyId, relatedBodyId };
          }),
        );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A body with the id "${id}" already exists; choose another slug or edit that body.`);
    throw error;
  }
  return reread(context, id);
}

/** The date checks a change from `effectiveFrom` must pass. */
function changeDateInRange(body: BodyEntity, effectiveFrom: string, field: string): void {
  if (body.validFrom && effectiveFrom <= body.validFrom)
    throw badUserInput(`${field} ${effectiveFrom} is not after the body began (${body.validFrom}); to fix its terms from the start, use correctBody.`, field);
  if (body.validTo && effectiveFrom > body.validTo) throw badUserInput(`${field} ${effectiveFrom} is after the body ended (${body.validTo})`, field);
}

export async function changeBody(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  effectiveFrom: string,
  input: BodyTermsInput,
): Promise<BodyParent> {
  const body = await editableBody(context, id);
  changeDateInRange(body, effectiveFrom, 'effectiveFrom');
  if (body.termsFrom && effectiveFrom <= body.termsFrom)
    throw badUserInput(
      `effectiveFrom ${effectiveFrom} is not after the latest change (from ${body.termsFrom}); a change must start later, or fix the record with correctBody.`,
      'effectiveFrom',
    );
  const partnershipIds = await partnershipIdsOf(context.loaders, id);
  await context.dataSource.transaction(async (manager) => {
    const changes = await termsChanges(input, recorded('changeBody'), () => partnershipAgencies(manager, partnershipIds));
    await bumpVersion(manager, body, expectedVersion, { ...changes, termsFrom: effectiveFrom });
    // The terms as they were stay in force until the day before.
    await manager.insert(BodyTermsHistoryEntity, {
      bodyId: id,
      validFrom: body.termsFrom,
      validTo: addDays(effectiveFrom, -1),
      kind: body.kind,
      purpose: body.purpose,
      meetingFrequency: body.meetingFrequency,
      chairRule: body.chairRule,
      quorumRule: body.quorumRule,
    });
  });
  return reread(context, id);
}

export async function correctBody(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  asOf: string | null | undefined,
  input: BodyTermsInput,
): Promise<BodyParent> {
  const body = await editableBody(context, id);
  const partnershipIds = await partnershipIdsOf(context.loaders, id);
  await context.dataSource.transaction(async (manager) => {
    const changes = await termsChanges(input, recorded('correctBody'), () => partnershipAgencies(manager, partnershipIds));
    if (asOf == null || rowTermsApply(body.termsFrom, asOf)) {
      await bumpVersion(manager, body, expectedVersion, changes);
      return;
    }
    await bumpVersion(manager, body, expectedVersion);
    const history = await manager.getRepository(BodyTermsHistoryEntity).find({ where: { bodyId: id }, order: { validTo: 'ASC' } });
    const period = history.find((row) => (row.validFrom === null || row.validFrom <= asOf) && row.validTo >= asOf) ?? history[0];
    if (!period) throw badUserInput(`No recorded terms of "${body.name}" cover ${asOf}`, 'asOf');
    await manager.update(BodyTermsHistoryEntity, { id: period.id }, changes);
  });
  return reread(context, id);
}

export async function changeReportingLines(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  effectiveFrom: string,
  lines: readonly ReportingLineInput[],
): Promise<BodyParent> {
  const body = await editableBody(context, id);
  if (body.validFrom && effectiveFrom < body.validFrom)
    throw badUserInput(`effectiveFrom ${effectiveFrom} is before the body began (${body.validFrom})`, 'effectiveFrom');
  if (body.validTo && effectiveFrom > body.validTo)
    throw badUserInput(`effectiveFrom ${effectiveFrom} is after the body ended (${body.validTo})`, 'effectiveFrom');
  const wanted = await validatedLines(lines, 'lines', context.loaders);
  await context.dataSource.transaction(async (manager) => {
    await bumpVersion(manager, body, expectedVersion);
    const everyLine = await allLines(manager);
    const own = everyLine.filter((line) => line.bodyId === id);
    const later = own.find((line) => line.validFrom !== null && line.validFrom > effectiveFrom);
    if (later)
      throw badUserInput(
        `A line recorded to start on ${later.validFrom} is later than effectiveFrom ${effectiveFrom}; change from that date or later.`,
        'effectiveFrom',
      );
    const inForce = own.filter((line) => (line.validFrom ?? '0000-01-01') <= effectiveFrom && (line.validTo === null || line.validTo >= effectiveFrom));
    const same = (a: { parentBodyId: string; kind: string }, b: { parentBodyId: string; kind: string }) =>
      a.parentBodyId === b.parentBodyId && a.kind === b.kind;
    const ending = inForce.filter((line) => !wanted.some((w) => same(w, line)));
    const starting = wanted.filter((w) => !inForce.some((line) => same(w, line)));
    const proposed: DatedLine[] = starting.map((line) => ({ bodyId: id, parentBodyId: line.parentBodyId, validFrom: effectiveFrom, validTo: body.validTo }));
    const kept = everyLine
      .filter((line) => !ending.includes(line))
      .concat(
        ending
          .filter((line) => line.validFrom !== effectiveFrom)
          .map((line) => Object.assign(new BodyReportingLineEntity(), line, { validTo: addDays(effectiveFrom, -1) })),
      );
    await refuseCycles(manager, kept, proposed, 'lines');
    for (const line of ending) {
      // A line that would start on the same day never held: it goes; others end the day before.
      if (line.validFrom === effectiveFrom) await manager.delete(BodyReportingLineEntity, { id: line.id });
      else await manager.update(BodyReportingLineEntity, { id: line.id }, { validTo: addDays(effectiveFrom, -1) });
    }
    if (starting.length > 0)
      await manager.insert(
        BodyReportingLineEntity,
        proposed.map((line, index) => ({ ...line, kind: starting[index]!.kind })),
      );
    await manager.update(BodyEntity, { id }, { reportsToBodyId: primaryParent(wanted) });
  });
  return reread(context, id);
}

export async function endBody(context: OperationContext, id: string, expectedVersion: number, validTo: string): Promise<BodyParent> {
  const body = await editableBody(context, id);
  if (body.validTo) throw badUserInput(`"${body.name}" already ended on ${body.validTo}; to correct the date, use updateBody(input: { validTo }).`, 'validTo');
  if (body.validFrom && validTo < body.validFrom) throw badUserInput(`validTo ${validTo} is before the body was established (${body.validFrom})`, 'validTo');
  if (body.termsFrom && validTo < body.termsFrom)
    throw badUserInput(`validTo ${validTo} is before its latest change took effect (${body.termsFrom})`, 'validTo');
  await context.dataSource.transaction(async (manager) => {
    await bumpVersion(manager, body, expectedVersion, { validTo });
    const lines = (await allLines(manager)).filter((line) => line.bodyId === id || line.parentBodyId === id);
    const later = lines.find((line) => line.validFrom !== null && line.validFrom > validTo);
    if (later)
      throw badUserInput(`A reporting line ${later.bodyId === id ? 'from' : 'to'} it starts on ${later.validFrom}, after validTo ${validTo}`, 'validTo');
    for (const line of lines.filter((candidate) => candidate.validTo === null || candidate.validTo > validTo))
      await manager.update(BodyReportingLineEntity, { id: line.id }, { validTo });
  });
  return reread(context, id);
}

export async function shareBody(context: OperationContext, id: string, expectedVersion: number, partnershipSlug: string): Promise<BodyParent> {
  const { caller, loaders } = context;
  const body = id.length > 200 ? null : await loaders.body.load(id);
  if (!body) throw notFound(`No body has the id "${id.slice(0, 80)}"; query partnership { bodies { id } } for the ids.`);
  const partnership = partnershipSlug.length > 64 ? null : await loaders.partnership.load(partnershipSlug);
  if (!partnership) {
    if (!(await mayShareBody(caller, body, loaders)))
      throw notPermitted(caller, `Only a regional-admin, or an admin of both partnerships, may share "${body.name}".`);
    throw badUserInput(`No partnership has the slug "${partnershipSlug.slice(0, 64)}"; query partnerships { slug } for the slugs.`, 'partnershipSlug');
  }
  if (!(await mayShareBody(caller, body, loaders, partnership.id)))
    throw notPermitted(caller, `Only a regional-admin, or a partnership-admin of both "${body.name}"'s partnership and ${partnership.name}, may share it.`);
  const owners = await partnershipIdsOf(loaders, id);
  if (owners.includes(partnership.id)) throw badUserInput(`"${body.name}" already belongs to ${partnership.name}`, 'partnershipSlug');
  await context.dataSource.transaction(async (manager) => {
    await bumpVersion(manager, body, expectedVersion);
    await manager.insert(BodyPartnershipEntity, { bodyId: id, partnershipId: partnership.id });
  });
  return reread(context, id);
}

/** Bodies with a line to `parent` in force on `date`, in name order. */
export async function reportingBodiesOn(parentId: string, date: string, loaders: ArrangementsLoaders): Promise<BodyParent[]> {
  const lines = (await loaders.reportingLinesByParent.load(parentId)).filter((line) => lineInForce(line, date));
  const children = (await loaders.body.loadMany([...new Set(lines.map((line) => line.bodyId))])).filter(isLoaded);
  const inForce = children.filter((child) => (child.validFrom === null || child.validFrom <= date) && (child.validTo === null || child.validTo >= date));
  return Promise.all(inForce.sort((a, b) => a.name.localeCompare(b.name)).map((child) => bodyAsOf(child, date, loaders)));
}

export const lineInForce = (line: { validFrom: string | null; validTo: string | null }, date: string) =>
  (line.validFrom === null || line.validFrom <= date) && (line.validTo === null || line.validTo >= date);

/**
 * The parent a body reports to on `date`: its REPORTS_TO line, else its first line of another kind,
 * to a parent that exists on that date (a seeded undated line to a body established later does not
 * count before the parent began).
 */
export async function reportsToOn(body: BodyEntity, date: string, loaders: ArrangementsLoaders): Promise<string | null> {
  const lines = (await loaders.reportingLinesByBody.load(body.id)).filter((line) => lineInForce(line, date));
  if (lines.length === 0) return null;
  const parents = new Map((await loaders.body.loadMany(lines.map((line) => line.parentBodyId))).filter(isLoaded).map((parent) => [parent.id, parent]));
  return primaryParent(
    lines.filter((line) => {
      const parent = parents.get(line.parentBodyId);
      return parent !== undefined && lineInForce(parent, date);
    }),
  );
}
