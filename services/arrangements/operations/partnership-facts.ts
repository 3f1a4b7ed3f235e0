import type { EntityManager } from 'typeorm';
import type { Caller } from '@safeguarding/auth';
import type { SourceCitation } from '@safeguarding/packs';
import {
  badUserInput,
  conflict,
  isUniqueViolation,
  multiLineText,
  notFound,
  notPermitted,
  recordReplacedValue,
  singleLineText,
  todayInEngland,
  validOn,
} from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { OperationContext } from '../context';
import {
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  PartnershipEntity,
  PopulationFigureEntity,
  StatutoryFunctionEntity,
} from '../entities';
import type {
  BudgetInput,
  CreatePartnershipInput,
  LeadSafeguardingPartnerChangeInput,
  LeadSafeguardingPartnerCorrectionInput,
  PopulationFigureInput,
  SourceInput,
  StatutoryFunctionInput,
  UpdatePartnershipFactsInput,
} from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import {
  amountProblem,
  contributionsProblem,
  datesInOrderProblem,
  dayBefore,
  figureYearProblem,
  financialYearProblem,
  inFinancialYear,
  overlappingPeriodProblem,
  slugProblem,
  type FactProblem,
} from '../rules/partnership-facts';

/**
 * A partnership's facts as a system of record. Every edit takes the partnership's version as the
 * caller read it; the edit and the version's rise happen in one transaction, so of two editors who
 * read the same version exactly one wins and the other gets CONFLICT. Input is checked in full
 * before anything is written. The audit trail (a middleware) records every call and its arguments.
 */

const refuse = (problem: FactProblem | null) => {
  if (problem) throw badUserInput(problem.message, problem.field);
};

const optionalLine = (value: string | null | undefined, field: string, maximum: number) => (value == null ? null : singleLineText(value, field, maximum));
const optionalText = (value: string | null | undefined, field: string, maximum: number) => (value == null ? null : multiLineText(value, field, maximum));

/** An organisation registry id: the membership subgraph owns the registry, so only its form is checked here. */
function organisationId(value: string, field: string): string {
  refuse(slugProblem(value, field));
  return value;
}

/** The citation given, or one saying the fact was recorded through the API today by this mutation. */
function citation(source: SourceInput | null | undefined, field: string, mutation: string): SourceCitation {
  if (!source) return { document: 'Recorded through the API', section: `${mutation}, ${todayInEngland()}` };
  return { document: singleLineText(source.document, `${field}.document`, 200), section: singleLineText(source.section, `${field}.section`, 300) };
}

/** Whether the caller may edit this partnership's facts (the viewerCanEditFacts field says the same). */
export const mayEditPartnershipFacts = (caller: Caller, partnershipId: string) => mayAct(caller, 'editPartnershipFacts', [partnershipId]);

/** The partnership, if it exists and the caller may edit its facts. */
async function editablePartnership({ caller, loaders }: Pick<OperationContext, 'caller' | 'loaders'>, slug: string): Promise<PartnershipEntity> {
  if (slug.length > 64) throw notFound(`No partnership has the slug "${slug.slice(0, 64)}…".`);
  const partnership = await loaders.partnership.load(slug);
  if (!partnership) throw notFound(`No partnership has the slug "${slug}"; query partnerships { slug } for the slugs.`);
  if (!mayEditPartnershipFacts(caller, partnership.id)) {
    throw notPermitted(caller, `Only a partnership-admin of ${partnership.name} or a regional-admin may change its facts.`);
  }
  return partnership;
}

/**
 * Runs `work` in one transaction that first raises the partnership's version from the one the
 * caller read; a stale version (or a concurrent writer who got there first) gets CONFLICT and
 * nothing is written.
 */
async function withPartnershipVersion(
  context: OperationContext,
  partnership: PartnershipEntity,
  expectedVersion: number,
  work: (manager: EntityManager) => Promise<void>,
  replaced?: unknown,
): Promise<PartnershipEntity> {
  const { dataSource, loaders } = context;
  await dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(PartnershipEntity)
      .set({ version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id: partnership.id, expectedVersion })
      .execute();
    if (result.affected !== 1) {
      throw conflict(`${partnership.name}'s facts were changed by someone else since version ${expectedVersion}; read them again and reapply your edit.`);
    }
    await work(manager);
  });
  // This request's loaders read the facts before the write; the answer must show them after it.
  for (const loader of [loaders.partnership, loaders.statutoryFunctions, loaders.leadSafeguardingPartners, loaders.budgets, loaders.populationFigures]) {
    loader.clear(partnership.id);
  }
  loaders.contributions.clearAll();
  // What the edit replaced, for the audit trail (the record before a correction, the record a change ended).
  if (replaced) recordReplacedValue(context, replaced);
  return dataSource.getRepository(PartnershipEntity).findOneByOrFail({ id: partnership.id });
}

/** Creates a partnership. A regional-admin only; the slug must be unused. */
export async function createPartnership({ caller, dataSource }: OperationContext, input: CreatePartnershipInput): Promise<PartnershipEntity> {
  if (!mayAct(caller, 'createPartnership')) throw notPermitted(caller, 'Only a regional-admin may create a partnership.');
  refuse(slugProblem(input.slug, 'input.slug'));
  const row: Partial<PartnershipEntity> = {
    id: input.slug,
    name: singleLineText(input.name, 'input.name', 200),
    shortName: singleLineText(input.shortName, 'input.shortName', 100),
    policeForce: singleLineText(input.policeForce, 'input.policeForce', 200),
    area: optionalLine(input.area, 'input.area', 300),
    establishedOn: input.establishedOn ?? null,
    populationValue: null,
    populationYear: null,
    populationDescription: null,
    populationSource: null,
    independentScrutiny: null,
    independentScrutinySource: null,
    source: citation(input.source, 'input.source', 'createPartnership'),
  };
  try {
    await dataSource.getRepository(PartnershipEntity).insert(row);
  } catch (error) {
    // Of two callers creating one slug, one gets it and the other CONFLICT.
    if (isUniqueViolation(error)) throw conflict(`A partnership with the slug "${input.slug}" already exists; choose another slug.`);
    throw error;
  }
  return dataSource.getRepository(PartnershipEntity).findOneByOrFail({ id: input.slug });
}

/** Corrects the basic facts and the independent scrutiny arrangement in place. */
export async function updatePartnershipFacts(
  context: OperationContext,
  slug: string,
  expectedVersion: number,
  input: UpdatePartnershipFactsInput,
): Promise<PartnershipEntity> {
  const partnership = await editablePartnership(context, slug);
  const changes: Partial<PartnershipEntity> = {};
  if (input.name != null) changes.name = singleLineText(input.name, 'input.name', 200);
  if (input.shortName != null) changes.shortName = singleLineText(input.shortName, 'input.shortName', 100);
  if (input.policeForce != null) changes.policeForce = singleLineText(input.policeForce, 'input.policeForce', 200);
  if (input.area != null) changes.area = singleLineText(input.area, 'input.area', 300);
  if (input.establishedOn != null) changes.establishedOn = input.establishedOn;
  if (input.independentScrutiny != null) {
    changes.independentScrutiny = multiLineText(input.independentScrutiny.description, 'input.independentScrutiny.description', 4000);
    changes.independentScrutinySource = citation(input.independentScrutiny.source, 'input.independentScrutiny.source', 'updatePartnershipFacts');
  }
  if (Object.keys(changes).length === 0) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  return withPartnershipVersion(
    context,
    partnership,
    expectedVersion,
    async (manager) => {
      await manager.getRepository(PartnershipEntity).update({ id: partnership.id }, changes);
    },
    Object.fromEntries(Object.keys(changes).map((key) => [key, partnership[key as keyof PartnershipEntity]])),
  );
}

/** Replaces the statutory functions with the list given (each kind once). */
export async function setStatutoryFunctions(
  context: OperationContext,
  slug: string,
  expectedVersion: number,
  functions: StatutoryFunctionInput[],
): Promise<PartnershipEntity> {
  const partnership = await editablePartnership(context, slug);
  const kinds = new Set<string>();
  const rows = functions.map((fn, index) => {
    if (kinds.has(fn.kind)) throw badUserInput(`${fn.kind} is given twice; give each function once.`, `functions.${index}.kind`);
    kinds.add(fn.kind);
    return {
      partnershipId: partnership.id,
      kind: fn.kind,
      description: multiLineText(fn.description, `functions.${index}.description`, 4000),
      source: citation(fn.source, `functions.${index}.source`, 'setStatutoryFunctions'),
    };
  });
  const replacedFunctions = (await context.loaders.statutoryFunctions.load(partnership.id)).map(({ kind, description, source }) => ({
    kind,
    description,
    source,
  }));
  return withPartnershipVersion(
    context,
    partnership,
    expectedVersion,
    async (manager) => {
      await manager.getRepository(StatutoryFunctionEntity).delete({ partnershipId: partnership.id });
      if (rows.length) await manager.getRepository(StatutoryFunctionEntity).insert(rows);
    },
    { statutoryFunctions: replacedFunctions },
  );
}

/** A population figure: on the partnership row (the year the documents give) or in population_figure (further years). */
export interface PopulationFigureView {
  value: number;
  year: string;
  areaHectares: number | null;
  description: string;
  source: SourceCitation;
}

/** Every figure recorded for the partnership, oldest year first; a row for the partnership's own year wins over it. */
export async function populationFigures(partnership: PartnershipEntity, loaders: ArrangementsLoaders): Promise<PopulationFigureView[]> {
  const rows = await loaders.populationFigures.load(partnership.id);
  const figures: PopulationFigureView[] = rows.map((row) => ({
    value: row.value,
    year: row.year,
    areaHectares: row.areaHectares,
    description: row.description,
    source: row.source,
  }));
  if (partnership.populationValue !== null && partnership.populationSource && !rows.some((row) => row.year === (partnership.populationYear ?? ''))) {
    figures.push({
      value: partnership.populationValue,
      year: partnership.populationYear ?? '',
      areaHectares: null,
      description: partnership.populationDescription ?? '',
      source: partnership.populationSource,
    });
  }
  return figures.sort((a, b) => a.year.localeCompare(b.year));
}

/** The figure of the latest year recorded; null when none is. */
export async function latestPopulationFigure(partnership: PartnershipEntity, loaders: ArrangementsLoaders): Promise<PopulationFigureView | null> {
  const figures = await populationFigures(partnership, loaders);
  return figures[figures.length - 1] ?? null;
}

/** Adds a year's population (and area); with `correction`, fixes a year already recorded. */
export async function recordPopulationFigure(
  context: OperationContext,
  slug: string,
  expectedVersion: number,
  input: PopulationFigureInput,
  correction: boolean,
): Promise<PartnershipEntity> {
  const partnership = await editablePartnership(context, slug);
  refuse(figureYearProblem(input.year, todayInEngland(), 'input.year'));
  if (!Number.isInteger(input.value) || input.value < 1) throw badUserInput('input.value must be a number of people, 1 or more.', 'input.value');
  if (input.areaHectares != null && input.areaHectares < 1)
    throw badUserInput('input.areaHectares must be 1 or more; leave it out when not stated.', 'input.areaHectares');
  const figure = {
    year: input.year,
    value: input.value,
    areaHectares: input.areaHectares ?? null,
    description: multiLineText(input.description, 'input.description', 2000),
    source: citation(input.source, 'input.source', 'recordPopulationFigure'),
  };
  const previous = (await populationFigures(partnership, context.loaders)).find((existing) => existing.year === input.year);
  const recorded = previous !== undefined;
  if (recorded && !correction) {
    throw badUserInput(`A figure for ${input.year} is already recorded; pass correction: true to correct it, or give a new year.`, 'input.year');
  }
  if (!recorded && correction)
    throw badUserInput(`No figure for ${input.year} is recorded, so there is nothing to correct; leave correction false to add it.`, 'correction');
  return withPartnershipVersion(
    context,
    partnership,
    expectedVersion,
    async (manager) => {
      // The partnership row's own year is corrected where it lives; any other year is a row of population_figure.
      if (correction && partnership.populationYear === input.year) {
        await manager
          .getRepository(PartnershipEntity)
          .update({ id: partnership.id }, { populationValue: figure.value, populationDescription: figure.description, populationSource: figure.source });
        if (figure.areaHectares !== null)
          await manager.getRepository(PopulationFigureEntity).upsert({ partnershipId: partnership.id, ...figure }, ['partnershipId', 'year']);
      } else if (correction) {
        await manager.getRepository(PopulationFigureEntity).update({ partnershipId: partnership.id, year: input.year }, figure);
      } else {
        await manager.getRepository(PopulationFigureEntity).insert({ partnershipId: partnership.id, ...figure });
      }
    },
    previous && { populationFigure: previous },
  );
}

/** The partnership's Lead Safeguarding Partners on a date (undated records count on every date), by organisation. */
export async function leadSafeguardingPartnersOn(partnershipId: string, asOf: string, loaders: ArrangementsLoaders): Promise<LeadSafeguardingPartnerEntity[]> {
  return (await loaders.leadSafeguardingPartners.load(partnershipId)).filter((partner) => validOn(partner, asOf));
}

/** A change from a date: the current record ends the day before; a new one starts unless the agency ceases. */
export async function changeLeadSafeguardingPartner(
  context: OperationContext,
  slug: string,
  expectedVersion: number,
  input: LeadSafeguardingPartnerChangeInput,
): Promise<PartnershipEntity> {
  const partnership = await editablePartnership(context, slug);
  const organisation = organisationId(input.organisationId, 'input.organisationId');
  const leadPost = optionalLine(input.leadPost, 'input.leadPost', 200);
  const delegatedPost = optionalLine(input.delegatedPost, 'input.delegatedPost', 200);
  const source = citation(input.source, 'input.source', 'changeLeadSafeguardingPartner');
  const ceases = input.ceases ?? false;
  if (ceases && (leadPost || delegatedPost))
    throw badUserInput('An agency that ceases has no posts from that date: leave out leadPost and delegatedPost.', 'input.ceases');
  if (!ceases && !leadPost && !delegatedPost) throw badUserInput('Give the leadPost or the delegatedPost the agency has from that date.', 'input.leadPost');
  const records = (await context.loaders.leadSafeguardingPartners.load(partnership.id)).filter((partner) => partner.organisationId === organisation);
  // The record in force the day before the change is the one it ends (if any).
  const ending = records.find((partner) => validOn(partner, dayBefore(input.from)) && (partner.validTo === null || partner.validTo >= input.from));
  if (ending) refuse(datesInOrderProblem(ending.validFrom, dayBefore(input.from), 'input.from'));
  if (ending && ending.validFrom === input.from) {
    throw badUserInput(`The current record already starts on ${input.from}; correct it with correctLeadSafeguardingPartner instead.`, 'input.from');
  }
  if (ceases && !ending)
    throw badUserInput(`${organisation} is not a Lead Safeguarding Partner of ${partnership.name} on the day before ${input.from}.`, 'input.organisationId');
  // A change may not reach into a later record: a later period must be corrected first.
  refuse(
    overlappingPeriodProblem(
      { validFrom: input.from, validTo: null },
      records.filter((partner) => partner.id !== ending?.id),
      'input.from',
    ),
  );
  return withPartnershipVersion(
    context,
    partnership,
    expectedVersion,
    async (manager) => {
      const repository = manager.getRepository(LeadSafeguardingPartnerEntity);
      if (ending) await repository.update({ id: ending.id }, { validTo: dayBefore(input.from) });
      if (!ceases) {
        await repository.insert({
          partnershipId: partnership.id,
          organisationId: organisation,
          leadPost,
          delegatedPost,
          validFrom: input.from,
          validTo: null,
          source,
        });
      }
    },
    ending && { leadSafeguardingPartner: ending },
  );
}

/** Corrects a wrongly recorded Lead Safeguarding Partner record in place. */
export async function correctLeadSafeguardingPartner(
  context: OperationContext,
  slug: string,
  expectedVersion: number,
  id: string,
  input: LeadSafeguardingPartnerCorrectionInput,
): Promise<PartnershipEntity> {
  const partnership = await editablePartnership(context, slug);
  const records = await context.loaders.leadSafeguardingPartners.load(partnership.id);
  const record = records.find((partner) => partner.id === id);
  if (!record)
    throw notFound(`${partnership.name} has no Lead Safeguarding Partner record "${id.slice(0, 80)}"; query leadSafeguardingPartners { id } for the ids.`);
  const changes: Partial<LeadSafeguardingPartnerEntity> = {};
  if (input.leadPost != null) changes.leadPost = singleLineText(input.leadPost, 'input.leadPost', 200);
  if (input.delegatedPost != null) changes.delegatedPost = singleLineText(input.delegatedPost, 'input.delegatedPost', 200);
  if (input.validFrom != null) changes.validFrom = input.validFrom;
  if (input.validTo != null) changes.validTo = input.validTo;
  if (Object.keys(changes).length === 0) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  const corrected = { ...record, ...changes };
  refuse(datesInOrderProblem(corrected.validFrom, corrected.validTo, input.validTo != null ? 'input.validTo' : 'input.validFrom'));
  refuse(
    overlappingPeriodProblem(
      corrected,
      records.filter((partner) => partner.organisationId === record.organisationId),
      input.validFrom != null ? 'input.validFrom' : 'input.validTo',
    ),
  );
  return withPartnershipVersion(
    context,
    partnership,
    expectedVersion,
    async (manager) => {
      await manager.getRepository(LeadSafeguardingPartnerEntity).update({ id: record.id }, changes);
    },
    { leadSafeguardingPartner: record },
  );
}

/** The budgets to answer with: all of them, or with a date the one of the financial year it falls in. */
export async function budgetsOn(partnershipId: string, asOf: string | null | undefined, loaders: ArrangementsLoaders): Promise<BudgetEntity[]> {
  const budgets = await loaders.budgets.load(partnershipId);
  return asOf ? budgets.filter((budget) => inFinancialYear(budget.financialYear, asOf)) : budgets;
}

/** Adds a financial year's budget with its contributions; with `correction`, replaces the one recorded for that year. */
export async function recordBudget(
  context: OperationContext,
  slug: string,
  expectedVersion: number,
  input: BudgetInput,
  correction: boolean,
): Promise<PartnershipEntity> {
  const partnership = await editablePartnership(context, slug);
  refuse(financialYearProblem(input.financialYear, 'input.financialYear'));
  refuse(amountProblem(input.totalPence, 'input.totalPence'));
  const source = citation(input.source, 'input.source', 'recordBudget');
  const contributions = input.contributions.map((contribution, index) => {
    refuse(amountProblem(contribution.amountPence, `input.contributions.${index}.amountPence`));
    return {
      organisationId: organisationId(contribution.organisationId, `input.contributions.${index}.organisationId`),
      amountPence: contribution.amountPence ?? null,
      description: optionalText(contribution.description, `input.contributions.${index}.description`, 1000),
    };
  });
  const problem = contributionsProblem(input.totalPence ?? null, contributions);
  if (problem) throw badUserInput(problem.message, `input.${problem.field}`);
  const budget = {
    partnershipId: partnership.id,
    financialYear: input.financialYear,
    totalMinorUnits: input.totalPence ?? null,
    accountableBodyOrganisationId:
      input.accountableBodyOrganisationId == null ? null : organisationId(input.accountableBodyOrganisationId, 'input.accountableBodyOrganisationId'),
    description: multiLineText(input.description, 'input.description', 4000),
    source,
  };
  const existing = (await context.loaders.budgets.load(partnership.id)).find((candidate) => candidate.financialYear === input.financialYear);
  if (existing && !correction) {
    throw badUserInput(
      `A budget for ${input.financialYear} is already recorded; pass correction: true to replace it, or give a new financial year.`,
      'input.financialYear',
    );
  }
  if (!existing && correction) {
    throw badUserInput(`No budget for ${input.financialYear} is recorded, so there is nothing to correct; leave correction false to add it.`, 'correction');
  }
  const replacedBudget = existing && { budget: existing, contributions: await context.loaders.contributions.load(existing.id) };
  return withPartnershipVersion(
    context,
    partnership,
    expectedVersion,
    async (manager) => {
      let budgetId = existing?.id;
      if (existing) {
        await manager.getRepository(BudgetEntity).update({ id: existing.id }, budget);
        await manager.getRepository(BudgetContributionEntity).delete({ budgetId: existing.id });
      } else {
        budgetId = (await manager.getRepository(BudgetEntity).insert(budget)).identifiers[0]!.id as string;
      }
      if (contributions.length) {
        await manager.getRepository(BudgetContributionEntity).insert(
          contributions.map((contribution) => ({
            budgetId: budgetId!,
            organisationId: contribution.organisationId,
            amountMinorUnits: contribution.amountPence,
            description: contribution.description,
            source,
          })),
        );
      }
    },
    replacedBudget,
  );
}
