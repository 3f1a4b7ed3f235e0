import { faker } from '@faker-js/faker';
import { In, type EntityManager } from 'typeorm';
import { synthetic, type Provenance, type SourceCitation } from '@safeguarding/packs';
import { StrategicActionEntity, StrategicPriorityEntity, SuccessMeasurementEntity, SuccessStatementEntity } from '../entities';
import { ACTION_PLAN_HEADINGS } from '../rules/action-plan-template';

/**
 * Synthetic history for the strategic plans the packs hold (issue 17: generators of synthetic
 * history stay code, labelled synthetic): a baseline figure for each reduction target (002 names
 * the baseline year, not its value), quarterly measurements of each measurable statement, and
 * Strategic Action Plan rows on 002's Appendix 2 template. None of it is in the pack.
 */

/** Provenance is stored as is in the `source` columns (their type is the older citation shape). */
const asSource = (provenance: Provenance): SourceCitation => provenance as unknown as SourceCitation;

const SYNTHETIC_MEASUREMENT = asSource(
  synthetic('Quarterly measurement generated with a fixed seed (seed/strategic-plan-synthetic.ts); not a published figure'),
);
const SYNTHETIC_ACTION = asSource(
  synthetic('Strategic Action Plan row generated on the 002 Appendix 2 template with a fixed seed (seed/strategic-plan-synthetic.ts); not a published plan'),
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

/**
 * The order the TypeScript seed listed 002's priorities in (the order of the document): the
 * generator walks them in it, so the fixed random seed gives the same figures (and RAG answers) as
 * before the plan moved into the pack, whose priorities are in id order. Priorities not listed here
 * (a plan added through a pack) come after, in id order.
 */
const WALK_ORDER = [
  'shropshire.adult-safeguarding-and-protection-practice-oversight',
  'shropshire.child-safeguarding-and-protection-practice-oversight',
  'shropshire.community-safety-practice-oversight',
  'shropshire.adult-statutory-case-review',
  'shropshire.childrens-statutory-case-review',
  'shropshire.domestic-abuse',
  'shropshire.tackling-exploitation',
  'shropshire.tackling-drug-and-alcohol-misuse',
];
const walkRank = (id: string) => (WALK_ORDER.includes(id) ? WALK_ORDER.indexOf(id) : WALK_ORDER.length);

/** Generates the synthetic history of the seeded plans' priorities (fixed seed), after the packs are applied. */
export async function generateStrategicPlanHistory(manager: EntityManager): Promise<void> {
  faker.seed(20230314);
  const priorities = (await manager.find(StrategicPriorityEntity)).sort((a, b) => walkRank(a.id) - walkRank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (priorities.length === 0) return;
  const statements = await manager.find(SuccessStatementEntity, { where: { priorityId: In(priorities.map((priority) => priority.id)) } });
  for (const priority of priorities) {
    const rows = statements.filter((statement) => statement.priorityId === priority.id).sort((a, b) => a.position - b.position);
    for (const row of rows) {
      if (row.target?.comparison !== 'REDUCE_BY_AT_LEAST_PERCENT') continue;
      // 002 names the baseline year but not its figure: the figure is synthetic and says so.
      row.baselineValue = faker.number.float({ min: 20, max: 30, fractionDigits: 1 });
      row.baselineSource = asSource(
        synthetic(`Synthetic ${row.target.baselinePeriod} baseline (seed/strategic-plan-synthetic.ts): 002 names the baseline year, not its value`),
      );
      await manager.update(SuccessStatementEntity, { id: row.id }, { baselineValue: row.baselineValue, baselineSource: row.baselineSource });
    }
    const measurements = rows.flatMap((row) => {
      if (!row.target) return [];
      const centre =
        row.target.comparison === 'REDUCE_BY_AT_LEAST_PERCENT'
          ? row.baselineValue! * 0.97
          : row.target.comparison === 'COMPLETED_WITHIN'
            ? 90
            : row.target.value;
      return QUARTER_ENDS.map((measuredOn) => ({
        statementId: row.id,
        measuredOn,
        value: Math.min(100, Math.max(0, faker.number.float({ min: centre * 0.85, max: centre * 1.12, fractionDigits: 1 }))),
        source: SYNTHETIC_MEASUREMENT,
      }));
    });
    if (measurements.length > 0) await manager.insert(SuccessMeasurementEntity, measurements);
  }
  const groups = [...new Set(priorities.map((priority) => priority.bodyId))];
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
