import { faker } from '@faker-js/faker';
import type { EntityManager } from 'typeorm';
import { inferred, stated, synthetic, type Provenance, type SourceCitation } from '@safeguarding/packs';
import { StrategicActionEntity, StrategicPlanEntity, StrategicPriorityEntity, SuccessMeasurementEntity, SuccessStatementEntity } from '../entities';
import { parseSuccessTarget } from '../rules/success-target';
import { ACTION_PLAN_HEADINGS, strategicPriorities } from './strategic-plan';

/** Provenance is stored as is in the `source` columns (their type is the older citation shape). */
const asSource = (provenance: Provenance): SourceCitation => provenance as unknown as SourceCitation;

const D002 = '002_93334ed95075e6c4.txt';
/** 002 names its period "2023 – 2026" only: the April-to-March dates are a reading, labelled so. */
const PLAN_PERIOD = inferred(
  [
    { source: D002, section: 'Title page', quote: '2023 – 2026' },
    { source: D002, section: 'Foreword from the Independent Chair', quote: 'This strategy builds on the work we started between April 2020 and March 2023.' },
  ],
  'The plan names the years 2023 – 2026 only; its period is taken as 1 April 2023 to 31 March 2026 because the strategy before it ran from April 2020 to March 2023.',
);

const SYNTHETIC_MEASUREMENT = asSource(synthetic('Quarterly measurement generated with a fixed seed (seed/strategic-plan-load.ts); not a published figure'));
const SYNTHETIC_ACTION = asSource(
  synthetic('Strategic Action Plan row generated on the 002 Appendix 2 template with a fixed seed (seed/strategic-plan-load.ts); not a published plan'),
);
/** Quarter ends on which synthetic measurements fall. */
const QUARTER_ENDS = [
  '2024-06-30',
  '2024-09-30',
  '2024-12-31',
  '2025-03-31',
  '2025-06-30',
  '2025-09-30',
  '2025-12-31',
  '2026-03-31',
  '2026-06-30',
  '2026-09-30',
];
const PERIODS = ['2023-24', '2024-25', '2025-26'];
const OWNERS = ['shropshire-council', 'shropshire-telford-and-wrekin-icb', 'west-mercia-police'];

/** Loads 002's priorities verbatim, then synthetic measurements and action plans (fixed seed). */
export async function seedStrategicPlans(manager: EntityManager): Promise<void> {
  faker.seed(20230314);
  // One plan per partnership and period (002 is Shropshire's 2023-2026 plan); its priorities point to it.
  const planIds = new Map<string, string>();
  for (const priority of strategicPriorities) {
    const key = `${priority.partnershipId}|${priority.periodStart}|${priority.periodEnd}`;
    if (planIds.has(key)) continue;
    const inserted = await manager.insert(StrategicPlanEntity, {
      partnershipId: priority.partnershipId,
      title: `Strategic Plan and Priorities ${priority.periodStart.slice(0, 4)}-${priority.periodEnd.slice(0, 4)}`,
      periodStart: priority.periodStart,
      periodEnd: priority.periodEnd,
      source: asSource(PLAN_PERIOD),
    });
    planIds.set(key, inserted.identifiers[0]!.id as string);
  }
  await manager.insert(
    StrategicPriorityEntity,
    strategicPriorities.map(({ statements: _statements, source, ...priority }) => ({
      ...priority,
      source: asSource(source),
      planId: planIds.get(`${priority.partnershipId}|${priority.periodStart}|${priority.periodEnd}`)!,
    })),
  );
  for (const priority of strategicPriorities) {
    const rows = priority.statements.map((text, index) => {
      const target = parseSuccessTarget(text);
      const reduction = target?.comparison === 'REDUCE_BY_AT_LEAST_PERCENT';
      return {
        priorityId: priority.id,
        position: index + 1,
        text,
        target,
        // 002 names the baseline year but not its figure: the figure is synthetic and says so.
        baselineValue: reduction ? faker.number.float({ min: 20, max: 30, fractionDigits: 1 }) : null,
        baselineSource: reduction
          ? asSource(synthetic(`Synthetic ${target.baselinePeriod} baseline (seed/strategic-plan-load.ts): 002 names the baseline year, not its value`))
          : null,
        // Each statement is quoted verbatim from 002, so it states itself.
        source: asSource(stated(D002, `Success Statements (${priority.title})`, text)),
      };
    });
    const inserted = await manager.insert(SuccessStatementEntity, rows);
    const measurements = rows.flatMap((row, index) => {
      if (!row.target) return [];
      const statementId = inserted.identifiers[index]!.id as string;
      const centre =
        row.target.comparison === 'REDUCE_BY_AT_LEAST_PERCENT'
          ? row.baselineValue! * 0.97
          : row.target.comparison === 'COMPLETED_WITHIN'
            ? 90
            : row.target.value;
      return QUARTER_ENDS.map((measuredOn) => ({
        statementId,
        measuredOn,
        value: Math.min(100, Math.max(0, faker.number.float({ min: centre * 0.85, max: centre * 1.12, fractionDigits: 1 }))),
        source: SYNTHETIC_MEASUREMENT,
      }));
    });
    if (measurements.length > 0) await manager.insert(SuccessMeasurementEntity, measurements);
  }
  const groups = [...new Set(strategicPriorities.map((priority) => priority.bodyId))];
  const actions = groups.flatMap((bodyId, groupIndex) =>
    PERIODS.flatMap((period, periodIndex) =>
      ACTION_PLAN_HEADINGS.filter(() => faker.datatype.boolean({ probability: 0.6 })).map(({ heading }) => {
        const periodStartYear = Number(period.slice(0, 4));
        // The last group skips its audit in the middle period, so the MACFA rule has a breach to find.
        const skipsAudit = groupIndex === groups.length - 1 && periodIndex === 1;
        const isMultiAgencyCaseFileAudit = !skipsAudit && (heading === 'LEARNING_AND_DEVELOPMENT' || heading === 'UNDERSTANDING_WHAT_IS_HAPPENING');
        return {
          bodyId,
          heading: heading,
          description: isMultiAgencyCaseFileAudit
            ? `Complete a multi-agency case file audit on ${faker.helpers.arrayElement(['thresholds', 'information sharing', 'voice of the person', 'escalation'])}`
            : `${faker.helpers.arrayElement(['Develop', 'Review', 'Deliver', 'Embed'])} ${faker.helpers.arrayElement(['guidance', 'a briefing', 'a dataset', 'a workshop', 'a pathway'])} for ${faker.helpers.arrayElement(['practitioners', 'partner agencies', 'schools', 'communities'])}`,
          successMeasure: faker.helpers.arrayElement([
            'Audit findings reported to the Strategic Governing Group',
            'Data reported quarterly',
            'Practitioner feedback shows improved confidence',
          ]),
          ownerOrganisationId: faker.helpers.arrayElement(OWNERS),
          dueOn: `${periodStartYear + 1}-03-31`,
          progress: periodIndex === 0 ? 'COMPLETED' : faker.helpers.arrayElement(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const),
          evidence: periodIndex === 0 ? 'Reported to the Strategic Governing Group' : null,
          period,
          isMultiAgencyCaseFileAudit,
          source: SYNTHETIC_ACTION,
        };
      }),
    ),
  );
  // Every group and period gets its audit row unless deliberately skipped above.
  const withAudits = [...actions];
  groups.forEach((bodyId, groupIndex) =>
    PERIODS.forEach((period, periodIndex) => {
      const skip = groupIndex === groups.length - 1 && periodIndex === 1;
      if (!skip && !withAudits.some((action) => action.bodyId === bodyId && action.period === period && action.isMultiAgencyCaseFileAudit)) {
        withAudits.push({
          bodyId,
          heading: 'LEARNING_AND_DEVELOPMENT',
          description: 'Complete a multi-agency case file audit',
          successMeasure: 'Audit findings reported to the Strategic Governing Group',
          ownerOrganisationId: OWNERS[groupIndex % OWNERS.length]!,
          dueOn: `${Number(period.slice(0, 4)) + 1}-03-31`,
          progress: 'IN_PROGRESS',
          evidence: null,
          period,
          isMultiAgencyCaseFileAudit: true,
          source: SYNTHETIC_ACTION,
        });
      }
    }),
  );
  await manager.insert(StrategicActionEntity, withAudits);
}
