import { badUserInput, validOn } from '@safeguarding/subgraph-runtime';
import type { BodyEntity, RegionalProcedureChapterEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import { agendaCandidatesKey, parseAgendaCandidatesKey } from '@safeguarding/federated-keys';
import { candidateWindow } from '../rules/agenda-rules';
import { checkCadence } from '../rules/meeting-cadence';
import { evaluateRag, latestMeasurement } from '../rules/rag';

export interface AgendaCandidatesParent {
  id: string;
  meetingId: string;
  since: string;
  until: string;
  partnershipSlugs: string[];
}

export interface BodyQuorumRuleParent {
  bodyId: string;
  bodyName: string;
  quorumRule: NonNullable<BodyEntity['quorumRule']>;
}

/** Bodies of the window's partnerships, in force during it, de-duplicated (shared bodies count once). */
async function bodiesInWindow(window: AgendaCandidatesParent, loaders: ArrangementsLoaders): Promise<BodyEntity[]> {
  const links = (await Promise.all(window.partnershipSlugs.map((slug) => loaders.partnershipBodies.load(slug)))).flat();
  const bodies = await loaders.body.loadMany([...new Set(links.map((link) => link.bodyId))]);
  return bodies.filter(
    (body): body is BodyEntity =>
      body !== null && !(body instanceof Error) && (body.validFrom === null || body.validFrom <= window.until) && (body.validTo === null || body.validTo >= window.since),
  );
}

interface Candidate {
  key: string;
  partnershipSlug: string | null;
  title: string;
  reason: string;
  subjectType: 'STRATEGIC_PRIORITY' | 'SUCCESS_STATEMENT' | 'BODY' | 'REGIONAL_PROCEDURE_CHAPTER' | null;
  subjectId: string | null;
}

/** Governance candidates: statements at red, bodies that missed their cadence, procedure changes. */
async function governanceCandidates(window: AgendaCandidatesParent, loaders: ArrangementsLoaders): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const slug of window.partnershipSlugs) {
    // Priorities whose plan period overlaps the window: a plan that ended since the last meeting still reports.
    const priorities = (await loaders.strategicPrioritiesByPartnership.load(slug)).filter((p) => p.periodStart <= window.until && p.periodEnd >= window.since);
    const statements = (await Promise.all(priorities.map((p) => loaders.successStatementsByPriority.load(p.id)))).flat();
    for (const statement of statements) {
      if (!statement.target) continue;
      const measurements = await loaders.measurementsByStatement.load(statement.id);
      if (evaluateRag(statement.target, statement.baselineValue, measurements, window.until) !== 'RED') continue;
      const latest = latestMeasurement(measurements, window.until)!;
      const priority = priorities.find((p) => p.id === statement.priorityId)!;
      candidates.push({
        key: `success-statement-red:${statement.id}`,
        partnershipSlug: slug,
        title: `${priority.title}: "${statement.text}"`,
        reason: `At red: latest measurement ${latest.value} on ${latest.measuredOn} against a target of ${statement.target.comparison.toLowerCase().replace(/_/g, ' ')} ${statement.target.value} (${statement.target.unit.toLowerCase().replace(/_/g, ' ')}).`,
        subjectType: 'SUCCESS_STATEMENT',
        subjectId: statement.id,
      });
    }
    const links = await loaders.partnershipBodies.load(slug);
    const bodies = (await loaders.body.loadMany(links.map((link) => link.bodyId))).filter(
      (body): body is BodyEntity => body !== null && !(body instanceof Error) && validOn(body, window.until),
    );
    for (const body of bodies) {
      if (!body.meetingFrequency) continue;
      const held = (await loaders.meetingsByBody.load(body.id)).filter((m) => m.status === 'HELD').map((m) => m.meetingDate);
      const check = checkCadence(body.meetingFrequency, held, window.since, window.until);
      if (!check.missed) continue;
      candidates.push({
        key: `missed-cadence:${body.id}:${window.since}`,
        partnershipSlug: slug,
        title: `${body.name} met less often than its terms of reference say`,
        reason: `Held ${check.heldMeetings} of ${check.expectedMeetings} expected meetings between ${window.since} and ${window.until} (${body.meetingFrequency.description}).`,
        subjectType: 'BODY',
        subjectId: body.id,
      });
    }
  }
  const procedures = await loaders.allProcedures.load('all');
  const chapters = (await Promise.all(procedures.map((procedure) => loaders.chaptersByProcedure.load(procedure.id)))).flat();
  const changed = chapters.filter((chapter: RegionalProcedureChapterEntity) => chapter.changeSummary && chapter.effectiveFrom > window.since && chapter.effectiveFrom <= window.until);
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

export const agendaCandidateResolvers: Resolvers = {
  Meeting: {
    agendaCandidates: async (meeting, _args, { loaders }) => {
      const held = (await loaders.meetingsByBody.load(meeting.bodyId)).filter((m) => m.status === 'HELD' && m.meetingDate < meeting.meetingDate);
      const window = candidateWindow(meeting.meetingDate, held.length ? held[held.length - 1]!.meetingDate : null);
      const partnershipSlugs = (await loaders.bodyPartnerships.load(meeting.bodyId)).map((link) => link.partnershipId).sort();
      return { id: agendaCandidatesKey(meeting.id, window.since, window.until, partnershipSlugs), meetingId: meeting.id, ...window, partnershipSlugs };
    },
  },
  AgendaCandidates: {
    __resolveReference: (reference) => {
      const parsed = parseAgendaCandidatesKey(reference.id);
      if (!parsed) throw badUserInput(`"${reference.id.slice(0, 80)}" is not an agenda-candidates id`);
      return parsed;
    },
    governance: (window, _args, { loaders }) => governanceCandidates(window, loaders),
    bodyQuorumRules: async (window, _args, { loaders }) =>
      (await bodiesInWindow(window, loaders))
        .filter((body) => body.quorumRule && body.quorumRule.kind !== 'NOT_STATED')
        .map((body) => ({ bodyId: body.id, bodyName: body.name, quorumRule: body.quorumRule! })),
  },
};
