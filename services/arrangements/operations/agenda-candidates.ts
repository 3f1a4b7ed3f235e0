import { agendaCandidatesKey } from '@safeguarding/federated-keys';
import { isLoaded, todayInEngland, validOn } from '@safeguarding/subgraph-runtime';
import type { BodyEntity, MeetingEntity, RegionalProcedureChapterEntity } from '../entities';
import type { ArrangementsLoaders } from '../loaders';
import type { AgendaCandidatesParent, BodyQuorumRuleParent } from '../models';
import { candidateWindow } from '../rules/agenda-rules';
import { checkCadence } from '../rules/meeting-cadence';
import { evaluateRag, latestMeasurement } from '../rules/rag';

/**
 * What a meeting's agenda may take: governance matters since the body last met. Each step loads
 * for every partnership together (one batch per step), so the statement count does not grow with
 * the partnerships, their bodies or their statements.
 */

/** An AgendaCandidate; `partnershipSlug` is the public field's name, its value the partnership id. */
export interface GovernanceCandidate {
  key: string;
  partnershipSlug: string | null;
  title: string;
  reason: string;
  subjectType: 'STRATEGIC_PRIORITY' | 'SUCCESS_STATEMENT' | 'BODY' | 'REGIONAL_PROCEDURE_CHAPTER' | null;
  subjectId: string | null;
}

/** The window a meeting's candidates cover, and the partnerships whose matters it takes. */
export async function candidatesForMeeting(meeting: MeetingEntity, loaders: ArrangementsLoaders): Promise<AgendaCandidatesParent> {
  const held = (await loaders.meetingsByBody.load(meeting.bodyId)).filter((m) => m.status === 'HELD' && m.meetingDate < meeting.meetingDate);
  const window = candidateWindow(meeting.meetingDate, held.length ? held[held.length - 1]!.meetingDate : null);
  const partnershipIds = (await loaders.bodyPartnerships.load(meeting.bodyId)).map((link) => link.partnershipId).sort();
  return {
    id: agendaCandidatesKey(meeting.id, window.since, window.until, partnershipIds),
    meetingId: meeting.id,
    ...window,
    partnershipSlugs: partnershipIds,
  };
}

/** Bodies of the window's partnerships, in force during it, de-duplicated (shared bodies count once). */
async function bodiesInWindow(window: AgendaCandidatesParent, loaders: ArrangementsLoaders): Promise<BodyEntity[]> {
  const links = (await Promise.all(window.partnershipSlugs.map((partnershipId) => loaders.partnershipBodies.load(partnershipId)))).flat();
  const bodies = await loaders.body.loadMany([...new Set(links.map((link) => link.bodyId))]);
  return bodies.filter(
    (body): body is BodyEntity =>
      isLoaded(body) && (body.validFrom === null || body.validFrom <= window.until) && (body.validTo === null || body.validTo >= window.since),
  );
}

/** The quorum rules of the bodies in force during the window, where a rule is stated. */
export async function bodyQuorumRules(window: AgendaCandidatesParent, loaders: ArrangementsLoaders): Promise<BodyQuorumRuleParent[]> {
  return (await bodiesInWindow(window, loaders))
    .filter((body) => body.quorumRule && body.quorumRule.kind !== 'NOT_STATED')
    .map((body) => ({ bodyId: body.id, bodyName: body.name, quorumRule: body.quorumRule! }));
}

/**
 * Governance candidates: statements at red, bodies that missed their cadence, procedure changes.
 * Cadence is judged only up to `today` (default today in England): a window that ends with a
 * meeting months ahead never counts the meetings still to come as missed.
 */
export async function governanceCandidates(
  window: AgendaCandidatesParent,
  loaders: ArrangementsLoaders,
  today: string = todayInEngland(),
): Promise<GovernanceCandidate[]> {
  const partnershipIds = window.partnershipSlugs;
  const allPriorities = (await Promise.all(partnershipIds.map((partnershipId) => loaders.strategicPrioritiesByPartnership.load(partnershipId)))).map((list) =>
    list.filter((p) => p.periodStart <= window.until && p.periodEnd >= window.since),
  );
  const allStatements = await Promise.all(
    allPriorities.map(async (priorities) =>
      (await Promise.all(priorities.map((p) => loaders.successStatementsByPriority.load(p.id)))).flat().filter((s) => s.target),
    ),
  );
  const allMeasurements = await Promise.all(
    allStatements.map((statements) => Promise.all(statements.map((statement) => loaders.measurementsByStatement.load(statement.id)))),
  );
  const allLinks = await Promise.all(partnershipIds.map((partnershipId) => loaders.partnershipBodies.load(partnershipId)));
  const allBodies = await Promise.all(
    allLinks.map(async (links) =>
      (await loaders.body.loadMany(links.map((link) => link.bodyId))).filter(
        (body): body is BodyEntity => isLoaded(body) && validOn(body, window.until) && body.meetingFrequency !== null,
      ),
    ),
  );
  const allMeetings = await Promise.all(allBodies.map((bodies) => Promise.all(bodies.map((body) => loaders.meetingsByBody.load(body.id)))));
  const perPartnership = partnershipIds.map((partnershipId, index) => ({
    partnershipId,
    priorities: allPriorities[index]!,
    statements: allStatements[index]!,
    measurements: allMeasurements[index]!,
    bodies: allBodies[index]!,
    meetings: allMeetings[index]!,
  }));
  const candidates: GovernanceCandidate[] = [];
  for (const { partnershipId, priorities, statements, measurements, bodies, meetings } of perPartnership) {
    statements.forEach((statement, index) => {
      const taken = measurements[index]!;
      if (evaluateRag(statement.target!, statement.baselineValue, taken, window.until) !== 'RED') return;
      const latest = latestMeasurement(taken, window.until)!;
      const priority = priorities.find((p) => p.id === statement.priorityId)!;
      candidates.push({
        key: `success-statement-red:${statement.id}`,
        partnershipSlug: partnershipId,
        title: `${priority.title}: "${statement.text}"`,
        reason: `At red: latest measurement ${latest.value} on ${latest.measuredOn} against a target of ${statement.target!.comparison.toLowerCase().replace(/_/g, ' ')} ${statement.target!.value} (${statement.target!.unit.toLowerCase().replace(/_/g, ' ')}).`,
        subjectType: 'SUCCESS_STATEMENT',
        subjectId: statement.id,
      });
    });
    bodies.forEach((body, index) => {
      const held = meetings[index]!.filter((m) => m.status === 'HELD').map((m) => m.meetingDate);
      const check = checkCadence(body.meetingFrequency!, held, window.since, window.until, today);
      if (!check.missed) return;
      candidates.push({
        key: `missed-cadence:${body.id}:${window.since}`,
        partnershipSlug: partnershipId,
        title: `${body.name} met less often than its terms of reference say`,
        reason: `Held ${check.heldMeetings} of ${check.expectedMeetings} expected meetings between ${check.from} and ${check.to} (${body.meetingFrequency!.description}).`,
        subjectType: 'BODY',
        subjectId: body.id,
      });
    });
  }
  const procedures = await loaders.allProcedures.load('all');
  const chapters = (await Promise.all(procedures.map((procedure) => loaders.chaptersByProcedure.load(procedure.id)))).flat();
  const changed = chapters.filter(
    (chapter: RegionalProcedureChapterEntity) => chapter.changeSummary && chapter.effectiveFrom > window.since && chapter.effectiveFrom <= window.until,
  );
  for (const chapter of changed) {
    candidates.push({
      key: `procedure-change:${chapter.id}`,
      partnershipSlug: null,
      title: `Regional procedure chapter ${chapter.number} "${chapter.title}" changed (version ${chapter.version})`,
      reason: `Took effect on ${chapter.effectiveFrom}, since the forum last met: ${chapter.changeSummary}`,
      subjectType: 'REGIONAL_PROCEDURE_CHAPTER',
      subjectId: chapter.id,
    });
  }
  // Shared bodies are listed under each partnership; keep one candidate per key.
  return [...new Map(candidates.map((candidate) => [candidate.key, candidate])).values()];
}
