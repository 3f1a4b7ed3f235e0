import { badUserInput, notPermitted, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { partnershipTrainingReach } from '../operations/programme';
import { financialYear, financialYearOf } from '../rules/financial-year';

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;

export const partnershipResolvers: Resolvers = {
  Partnership: {
    // Partnerships belong to the arrangements subgraph; an unknown id simply has no programme here.
    __resolveReference: (reference) => ({ id: reference.id }),
    trainingProgramme: (partnership, { year }) => {
      const chosen = year ?? financialYearOf(todayInEngland());
      if (chosen < EARLIEST_YEAR || chosen > LATEST_YEAR) {
        throw badUserInput(
          `year ${chosen} is outside ${EARLIEST_YEAR}-${LATEST_YEAR}; give the first calendar year of a financial year, e.g. 2024 for 2024/25`,
          'year',
        );
      }
      return { partnershipId: partnership.id, financialYear: financialYear(chosen) };
    },
    viewerCanManageTraining: (partnership, _args, { caller }) => mayAct(caller, 'manageProgramme', [partnership.id]),
    trainingReach: (partnership, { from, to }, { caller, loaders }) => {
      if (!mayAct(caller, 'readReach', [partnership.id])) {
        throw notPermitted(caller, `Training reach is for analysts and for members of ${partnership.id}; ask for a token with one of those roles.`);
      }
      if (from > to) throw badUserInput(`from (${from}) is after to (${to}); give the earlier date first`, 'from');
      return partnershipTrainingReach(partnership.id, { from, to }, loaders);
    },
  },
};
