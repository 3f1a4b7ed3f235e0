import { badUserInput, notPermitted, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { CourseEntity, TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { financialYear, financialYearOf } from '../rules/financial-year';
import { summariseImpact } from '../rules/impact-summary';
import { mayAct } from '../rules/training-access';
import { summariseTrainingReach } from '../rules/training-reach';
import { partnershipSessions, present } from './programme';

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;

async function bookingsOf(sessions: TrainingSessionEntity[], loaders: Parameters<typeof partnershipSessions>[1]) {
  return (await loaders.bookingsBySession.loadMany(sessions.map((session) => session.id))).filter(present<TrainingBookingEntity[]>).flat();
}

export const partnershipResolvers: Resolvers = {
  Partnership: {
    // Partnerships belong to the arrangements subgraph; an unknown slug simply has no programme here.
    __resolveReference: (reference) => ({ id: reference.id }),
    trainingProgramme: (partnership, { year }) => {
      const chosen = year ?? financialYearOf(todayInEngland());
      if (chosen < EARLIEST_YEAR || chosen > LATEST_YEAR) {
        throw badUserInput(`year ${chosen} is outside ${EARLIEST_YEAR}-${LATEST_YEAR}; give the first calendar year of a financial year, e.g. 2024 for 2024/25`, 'year');
      }
      return { partnershipId: partnership.id, financialYear: financialYear(chosen) };
    },
    trainingReach: async (partnership, { from, to }, { caller, loaders }) => {
      if (!mayAct(caller, 'readReach', [partnership.id])) {
        throw notPermitted(caller, `Training reach is for analysts and for members of ${partnership.id}; ask for a token with one of those roles.`);
      }
      if (from > to) throw badUserInput(`from (${from}) is after to (${to}); give the earlier date first`, 'from');
      const sessions = await partnershipSessions(partnership.id, loaders);
      const inPeriod = sessions.filter((session) => session.heldOn >= from && session.heldOn <= to);
      return summariseTrainingReach(from, to, inPeriod, await bookingsOf(inPeriod, loaders));
    },
  },
  TrainingProgramme: {
    partnership: (programme) => ({ id: programme.partnershipId }),
    year: (programme) => programme.financialYear.year,
    label: (programme) => programme.financialYear.label,
    from: (programme) => programme.financialYear.from,
    to: (programme) => programme.financialYear.to,
    sessions: async ({ partnershipId, financialYear: { from, to } }, _args, { loaders }) =>
      (await partnershipSessions(partnershipId, loaders)).filter((session) => session.heldOn >= from && session.heldOn <= to),
    courses: async ({ partnershipId, financialYear: { from, to } }, _args, { loaders }) => {
      const sessions = (await partnershipSessions(partnershipId, loaders)).filter((session) => session.heldOn >= from && session.heldOn <= to);
      const courses = await loaders.course.loadMany([...new Set(sessions.map((session) => session.courseId))]);
      return courses.filter(present<CourseEntity>).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    },
    impactSummary: async ({ partnershipId, financialYear: { from, to } }, _args, { loaders }) => {
      const sessions = (await partnershipSessions(partnershipId, loaders)).filter((session) => session.heldOn >= from && session.heldOn <= to);
      const evidence = (await loaders.evidenceByPartnership.load(partnershipId)).filter((item) => item.recordedOn >= from && item.recordedOn <= to);
      return summariseImpact(sessions, await bookingsOf(sessions, loaders), evidence.map((item) => item.kind), todayInEngland());
    },
    synthetic: async ({ partnershipId, financialYear: { from, to } }, _args, { loaders }) =>
      (await partnershipSessions(partnershipId, loaders)).some((session) => session.heldOn >= from && session.heldOn <= to && session.source.synthetic === true),
  },
  AgencyReach: {
    organisation: (agency) => ({ id: agency.organisationId }),
  },
};
