import { en, Faker } from '@faker-js/faker';
import { THEMES } from '@safeguarding/vocabulary';
import type { RagStatus, ReviewStatus } from '../entities';
import { type ClockRule, clockFor, dueDate } from '../rules/clock';
import { addDays, addMonths } from '@safeguarding/subgraph-runtime';
import { addWorkingDays, isWorkingDay } from '../rules/working-days';

/**
 * A SYNTHETIC set of reviews: the seed documents hold no real cases, so a generator with a fixed
 * seed makes a set large enough to compare the three partnerships. Every row is flagged
 * isSynthetic and every text says it is an example. Codes are drawn at random: they match no case.
 *
 * The history is generated up to SYNTHETIC_HISTORY_ENDS (a fixed date, so the set never depends on
 * when it is generated); later stages are left unrecorded, so some reviews are open and overdue.
 */
export const SYNTHETIC_SEED = 4003;
export const SYNTHETIC_HISTORY_BEGINS = '2023-01-03';
export const SYNTHETIC_HISTORY_ENDS = '2026-09-30';

export interface SyntheticReview {
  id: string;
  partnershipId: string;
  reviewKindId: string;
  code: string;
  status: ReviewStatus;
  notifiedOn: string;
  startedOn: string | null;
  signedOffOn: string | null;
  publishedOn: string | null;
  learningBriefingPublishedOn: string | null;
  themeIds: string[];
  learningPoints: { themeId: string; text: string }[];
  actions: { description: string; ownerOrganisationId: string; dueOn: string | null; ragStatus: RagStatus; completedOn: string | null }[];
}

/** What the generator reads from the packs (or the rows applied from them): kinds, clocks and the partnerships kept. */
export interface ReviewReference {
  kinds: { id: string; category: 'CASE_REVIEW' | 'AUDIT'; concerns: 'CHILDREN' | 'ADULTS' | 'ALL'; codePrefix: string }[];
  clocks: Omit<ClockRule, 'startsFrom'>[];
  /** Partnerships with no pack here get no synthetic reviews. */
  partnershipIds: string[];
}

interface PartnershipProfile {
  /** How many of each kind over the period: each partnership reviews what its statutory functions cover. */
  kinds: Record<string, number>;
  /** Share of reviews finished within their clock. */
  onTimeRate: number;
  /** Themes that recur more here, so repeats and differences show up side by side. */
  frequentThemes: string[];
  /** Agencies that own actions (organisation registry ids). */
  agencies: string[];
}

const PROFILES: Record<string, PartnershipProfile> = {
  shropshire: {
    kinds: {
      'rapid-review': 14,
      'local-child-safeguarding-practice-review': 5,
      'safeguarding-adult-review': 5,
      'domestic-homicide-review': 3,
      'serious-incident-review': 2,
      'anti-social-behaviour-case-review': 4,
      'offensive-weapons-homicide-review': 1,
      'multi-agency-case-file-audit': 6,
      'section-11-audit': 2,
    },
    onTimeRate: 0.75,
    frequentThemes: ['neglect', 'domestic-abuse', 'exploitation'],
    agencies: [
      'shropshire-council',
      'shropshire-telford-and-wrekin-icb',
      'west-mercia-police',
      'shropshire-community-health-nhs-trust',
      'shrewsbury-and-telford-hospital-nhs-trust',
      'midlands-partnership-nhs-foundation-trust',
      'west-mercia-youth-justice-service',
      'shropshire-domestic-abuse-service',
    ],
  },
  'telford-and-wrekin': {
    kinds: {
      'rapid-review': 12,
      'local-child-safeguarding-practice-review': 4,
      'safeguarding-adult-review': 4,
      'serious-incident-review': 2,
      'multi-agency-case-file-audit': 6,
      'section-11-audit': 2,
    },
    onTimeRate: 0.65,
    frequentThemes: ['neglect', 'information-sharing', 'self-neglect'],
    agencies: [
      'telford-and-wrekin-council',
      'shropshire-telford-and-wrekin-icb',
      'west-mercia-police',
      'shrewsbury-and-telford-hospital-nhs-trust',
      'midlands-partnership-nhs-foundation-trust',
      'wrekin-housing-trust',
      'west-mercia-womens-aid',
    ],
  },
  solihull: {
    kinds: {
      'rapid-review': 16,
      'local-child-safeguarding-practice-review': 6,
      'serious-incident-review': 2,
      'multi-agency-case-file-audit': 6,
      'section-11-audit': 2,
    },
    onTimeRate: 0.6,
    frequentThemes: ['safe-sleep-and-infants', 'voice-of-the-child', 'neglect'],
    agencies: ['solihull-mbc', 'west-midlands-police', 'birmingham-and-solihull-icb', 'west-midlands-ambulance-service', 'national-probation-service'],
  },
};

/** Report-style kinds that are published; Rapid Reviews, serious incident reviews and audits are not. */
const PUBLISHED_KINDS = new Set([
  'local-child-safeguarding-practice-review',
  'safeguarding-adult-review',
  'domestic-homicide-review',
  'offensive-weapons-homicide-review',
]);

const LEARNING_TEMPLATES = [
  (theme: string) => `Synthetic example: ${theme} was not recognised early enough by the agencies involved.`,
  (theme: string) => `Synthetic example: what one agency knew about ${theme} was not shared with the others in time.`,
  (theme: string) => `Synthetic example: assessments did not bring together each agency's view of ${theme}.`,
  (theme: string) => `Synthetic example: escalation about ${theme} was not used when the plan did not progress.`,
  (theme: string) => `Synthetic example: practitioners asked for clearer guidance on ${theme}.`,
];
const ACTION_TEMPLATES = [
  (theme: string) => `Synthetic example: refresh the multi-agency guidance on ${theme}.`,
  (theme: string) => `Synthetic example: deliver a practice briefing on ${theme} to front-line teams.`,
  (theme: string) => `Synthetic example: audit a sample of cases for ${theme} and report to the review group.`,
  (theme: string) => `Synthetic example: add ${theme} to the single-agency supervision checklist.`,
];

const onOrBeforeWorkingDay = (date: string): string => {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, -1);
  return current;
};
const onOrAfterWorkingDay = (date: string): string => {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
};
/** A stage after the end of the generated history has not happened yet. */
const happened = (date: string | null): string | null => (date !== null && date <= SYNTHETIC_HISTORY_ENDS ? date : null);

/** Same seed, same reviews: every run and every database gets the identical set. */
export function generateSyntheticReviews(reference: ReviewReference): SyntheticReview[] {
  const faker = new Faker({ locale: [en] });
  faker.seed(SYNTHETIC_SEED);
  const span = Math.round((Date.parse(`${SYNTHETIC_HISTORY_ENDS}T00:00:00Z`) - Date.parse(`${SYNTHETIC_HISTORY_BEGINS}T00:00:00Z`)) / 86_400_000) - 5;
  const codePool = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const reviews: SyntheticReview[] = [];

  for (const [partnershipId, profile] of Object.entries(PROFILES)) {
    if (!reference.partnershipIds.includes(partnershipId)) continue;
    const codesByPrefix = new Map<string, string[]>();
    const nextCode = (prefix: string): string => {
      let pool = codesByPrefix.get(prefix);
      if (!pool || pool.length === 0) {
        // Single letters first, then two-letter codes, each batch in a random order.
        const used = reviews.filter((review) => review.partnershipId === partnershipId && review.code.startsWith(`${prefix} `)).length;
        pool = faker.helpers.shuffle(used === 0 ? codePool : codePool.map((letter) => `${codePool[used % 26]}${letter}`));
        codesByPrefix.set(prefix, pool);
      }
      return `${prefix} ${pool.pop()!}`;
    };

    for (const [reviewKindId, count] of Object.entries(profile.kinds)) {
      const kind = reference.kinds.find((candidate) => candidate.id === reviewKindId);
      if (!kind)
        throw new Error(
          `The synthetic profile of ${partnershipId} uses the review kind "${reviewKindId}", which the regional pack does not list; add it there or change the profile.`,
        );
      // The clock the partnership's pack gives it (or a regional default): on-time and late reviews are drawn against it.
      const reviewClock = clockFor(reference.clocks, partnershipId, reviewKindId, 'REVIEW_COMPLETION');
      const themes = THEMES.filter((theme) => theme.appliesTo === 'ALL' || kind.concerns === 'ALL' || theme.appliesTo === kind.concerns);
      for (let index = 0; index < count; index += 1) {
        const notifiedOn = onOrAfterWorkingDay(addDays(SYNTHETIC_HISTORY_BEGINS, faker.number.int({ min: 0, max: span })));
        const startedOn = addWorkingDays(notifiedOn, faker.number.int({ min: 1, max: reviewClock?.unit === 'WORKING_DAYS' ? 2 : 15 }));
        let signedOffOn: string;
        if (reviewClock) {
          const due = dueDate(reviewClock, notifiedOn);
          if (faker.datatype.boolean({ probability: profile.onTimeRate })) {
            const window = Math.max(1, Math.round((Date.parse(due) - Date.parse(startedOn)) / 86_400_000));
            signedOffOn = onOrBeforeWorkingDay(addDays(startedOn, faker.number.int({ min: Math.ceil(window / 2), max: window })));
            if (signedOffOn < startedOn) signedOffOn = startedOn;
          } else {
            signedOffOn =
              reviewClock.unit === 'WORKING_DAYS'
                ? addWorkingDays(due, faker.number.int({ min: 1, max: 12 }))
                : onOrAfterWorkingDay(addDays(due, faker.number.int({ min: 7, max: 120 })));
          }
        } else {
          signedOffOn = onOrAfterWorkingDay(addDays(startedOn, faker.number.int({ min: 30, max: 180 })));
        }
        // Some reviews stall (awaiting criminal proceedings, say): they are the ones still open and overdue.
        if (faker.datatype.boolean({ probability: 0.12 })) {
          signedOffOn = onOrAfterWorkingDay(addDays(signedOffOn, faker.number.int({ min: 150, max: 500 })));
        }
        const publishedOn =
          PUBLISHED_KINDS.has(reviewKindId) && faker.datatype.boolean({ probability: 0.7 })
            ? addWorkingDays(signedOffOn, faker.number.int({ min: 10, max: 60 }))
            : null;
        const briefingOnTime = faker.datatype.boolean({ probability: 0.75 });
        const learningBriefingPublishedOn =
          kind.category === 'CASE_REVIEW'
            ? addWorkingDays(signedOffOn, briefingOnTime ? faker.number.int({ min: 2, max: 10 }) : faker.number.int({ min: 11, max: 30 }))
            : null;

        const frequent = faker.helpers.arrayElements(
          themes.filter((theme) => profile.frequentThemes.includes(theme.id)),
          { min: 1, max: 2 },
        );
        const others = faker.helpers.arrayElements(themes, { min: 0, max: 2 });
        const themeIds = [...new Set([...frequent, ...others].map((theme) => theme.id))];
        const themeName = (id: string) => THEMES.find((theme) => theme.id === id)!.name.toLowerCase();
        const learningPoints = faker.helpers
          .arrayElements(themeIds, { min: 1, max: Math.min(3, themeIds.length) })
          .map((themeId) => ({ themeId, text: faker.helpers.arrayElement(LEARNING_TEMPLATES)(themeName(themeId)) }));

        const signedOff = happened(signedOffOn);
        const actions =
          kind.category === 'CASE_REVIEW' && signedOff
            ? Array.from({ length: faker.number.int({ min: 1, max: 4 }) }, (): SyntheticReview['actions'][number] => {
                const themeId = faker.helpers.arrayElement(themeIds);
                const completedOn = faker.datatype.boolean({ probability: 0.75 })
                  ? happened(onOrAfterWorkingDay(addDays(signedOff, faker.number.int({ min: 20, max: 130 }))))
                  : null;
                const started = faker.datatype.boolean({ probability: 0.6 });
                return {
                  description: faker.helpers.arrayElement(ACTION_TEMPLATES)(themeName(themeId)),
                  ownerOrganisationId: faker.helpers.arrayElement(profile.agencies),
                  dueOn: addMonths(signedOff, faker.number.int({ min: 1, max: 3 })),
                  ragStatus: completedOn ? 'COMPLETED' : started ? 'IN_PROGRESS' : 'NOT_STARTED',
                  completedOn,
                };
              })
            : [];

        const started = happened(startedOn);
        const published = signedOff ? happened(publishedOn) : null;
        reviews.push({
          id: faker.string.uuid(),
          partnershipId,
          reviewKindId,
          code: nextCode(kind.codePrefix),
          status: published ? 'PUBLISHED' : signedOff ? 'SIGNED_OFF' : started ? 'IN_PROGRESS' : 'NOTIFIED',
          notifiedOn,
          startedOn: started,
          signedOffOn: signedOff,
          publishedOn: published,
          learningBriefingPublishedOn: signedOff ? happened(learningBriefingPublishedOn) : null,
          themeIds,
          learningPoints,
          actions,
        });
      }
    }
  }
  return reviews.sort((a, b) => a.notifiedOn.localeCompare(b.notifiedOn) || a.partnershipId.localeCompare(b.partnershipId) || a.code.localeCompare(b.code));
}
