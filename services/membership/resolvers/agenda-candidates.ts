import { type AgendaCandidatesKey } from '@safeguarding/federated-keys';
import { hasRole } from '@safeguarding/auth';
import type { MembershipEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { evaluateQuorum } from '../rules/quorum';
import type { QuorumRuleRepresentation } from './parents';
import { canSeeAttendance } from './access';

/** The candidates key, plus the rules the gateway fetched from arrangements (@requires). */
export interface AgendaCandidatesParent extends AgendaCandidatesKey {
  bodyQuorumRules?: { bodyId: string; bodyName: string; quorumRule: QuorumRuleRepresentation }[];
}

export const agendaCandidateResolvers: Resolvers = {
  AgendaCandidates: {
    membership: async (parent, _args, { caller, loaders }) => {
      const window = parent as unknown as AgendaCandidatesParent;
      const candidates = [];
      for (const { bodyId, bodyName, quorumRule } of window.bodyQuorumRules ?? []) {
        // Quorum failures come from attendance: those who may read a body's attendance see them, and
        // the forum secretariat, whose job is to put them on the joint forum's agenda (the outcome
        // only; the attendance list stays with the body's partnerships).
        if (!hasRole(caller, 'forum-secretariat') && !canSeeAttendance(caller, await loaders.bodyReference.load(bodyId))) continue;
        const records = (await loaders.attendanceByBody.load(bodyId)).filter((record) => record.meetingDate >= window.since && record.meetingDate < window.until);
        const seats = await loaders.membership.loadMany(records.map((record) => record.membershipId));
        const byDate = new Map<string, { organisationId: string; outcome: (typeof records)[number]['outcome']; attendedAs: (typeof records)[number]['attendedAs'] }[]>();
        records.forEach((record, index) => {
          const seat = seats[index] as MembershipEntity | Error | null;
          if (!seat || seat instanceof Error) return;
          byDate.set(record.meetingDate, [...(byDate.get(record.meetingDate) ?? []), { organisationId: seat.organisationId, outcome: record.outcome, attendedAs: record.attendedAs }]);
        });
        for (const [meetingDate, facts] of byDate) {
          const result = evaluateQuorum(
            {
              kind: quorumRule.kind,
              namedDeputyCounts: quorumRule.namedDeputyCounts,
              requiredOrganisationIds: quorumRule.requiredOrganisations.map((organisation: { id: string }) => organisation.id),
              unexplainedAbsenceReported: quorumRule.unexplainedAbsenceReported,
            },
            facts,
          );
          if (result.quorate !== false) continue;
          const names = (await loaders.organisation.loadMany(result.missingOrganisationIds)).map((o, i) => (o && !(o instanceof Error) ? o.name : result.missingOrganisationIds[i]));
          candidates.push({
            key: `quorum-failure:${bodyId}:${meetingDate}`,
            partnershipSlug: bodyId.startsWith('joint.') ? null : bodyId.slice(0, bodyId.indexOf('.')),
            title: `${bodyName} was not quorate on ${meetingDate}`,
            reason: `No representative${quorumRule.namedDeputyCounts ? ' or named deputy' : ''} of ${names.join(', ')} attended; the quorum rule needs every statutory partner${quorumRule.namedDeputyCounts ? '' : ' and does not count named deputies'}.`,
            subjectType: 'BODY' as const,
            subjectId: bodyId,
          });
        }
      }
      return candidates;
    },
  },
};
