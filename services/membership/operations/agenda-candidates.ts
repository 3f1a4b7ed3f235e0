import type { Caller } from '@safeguarding/auth';
import type { AgendaCandidate } from '../generated/graphql';
import type { MembershipEntity } from '../entities';
import type { MembershipLoaders } from '../loaders';
import type { AgendaCandidatesParent } from '../models';
import { canSeeQuorumFailures } from '../access';
import { evaluateQuorum } from '../rules/quorum';

/**
 * The agenda workflow's membership part: every meeting in the window (since, until) of the bodies
 * whose quorum rules the gateway passed that was not quorate, as a candidate for the joint forum's
 * agenda. Bodies whose quorum failures the caller may not see are left out.
 */
export async function quorumFailureCandidates(window: AgendaCandidatesParent, caller: Caller, loaders: MembershipLoaders): Promise<AgendaCandidate[]> {
  const candidates: AgendaCandidate[] = [];
  for (const { bodyId, bodyName, quorumRule } of window.bodyQuorumRules ?? []) {
    if (!(await canSeeQuorumFailures(caller, () => loaders.bodyReference.load(bodyId)))) continue;
    const records = (await loaders.attendanceByBody.load(bodyId)).filter((record) => record.meetingDate >= window.since && record.meetingDate < window.until);
    const seats = await loaders.membership.loadMany(records.map((record) => record.membershipId));
    const byDate = new Map<
      string,
      { organisationId: string; outcome: (typeof records)[number]['outcome']; attendedAs: (typeof records)[number]['attendedAs'] }[]
    >();
    // One group per meeting: its date, and its id when attendance names it (two meetings can share a date).
    records.forEach((record, index) => {
      const seat = seats[index] as MembershipEntity | Error | null;
      if (!seat || seat instanceof Error) return;
      const meeting = record.meetingId ? `${record.meetingDate}:${record.meetingId}` : record.meetingDate;
      byDate.set(meeting, [...(byDate.get(meeting) ?? []), { organisationId: seat.organisationId, outcome: record.outcome, attendedAs: record.attendedAs }]);
    });
    for (const [meeting, facts] of byDate) {
      const meetingDate = meeting.slice(0, 10);
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
      const names = (await loaders.organisation.loadMany(result.missingOrganisationIds)).map((o, i) =>
        o && !(o instanceof Error) ? o.name : result.missingOrganisationIds[i],
      );
      candidates.push({
        key: `quorum-failure:${bodyId}:${meeting}`,
        // The joint forum's bodies belong to no one partnership; a body id starts with its partnership's id.
        partnershipSlug: bodyId.startsWith('joint.') ? null : bodyId.slice(0, bodyId.indexOf('.')),
        title: `${bodyName} was not quorate on ${meetingDate}`,
        reason: `No representative${quorumRule.namedDeputyCounts ? ' or named deputy' : ''} of ${names.join(', ')} attended; the quorum rule needs every statutory partner${quorumRule.namedDeputyCounts ? '' : ' and does not count named deputies'}.`,
        subjectType: 'BODY' as const,
        subjectId: bodyId,
      });
    }
  }
  return candidates;
}
