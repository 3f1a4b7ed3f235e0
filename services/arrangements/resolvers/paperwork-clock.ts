import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { paperworkStage, TELFORD_AND_WREKIN_PAPERWORK_CLOCK } from '../rules/paperwork-clock';

export const paperworkClockResolvers: Resolvers = {
  PaperworkClock: {
    stage: (clock, { asOf }) => paperworkStage(clock.meetingDate, asOf ?? todayInEngland(), clock.rule),
    statedForThisBody: (clock) => clock.rule === TELFORD_AND_WREKIN_PAPERWORK_CLOCK,
    source: (clock) => clock.rule.source,
  },
};
