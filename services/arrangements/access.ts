import { accessTable, partnershipsWithRole, type AccessRule, type Caller } from '@safeguarding/auth';
import type { BodyKind } from '@safeguarding/packs';
import type { BodyEntity } from './entities';
import type { ArrangementsLoaders } from './loaders';

/**
 * Who may do what with the arrangements. Everything here is read from published documents, so
 * reading is public (permissions.ts); these are the edits, and the agenda drafts that stay inside
 * a body's partnerships until published. The table feeds shield's coarse rule (permissions.ts)
 * and the scope checks below, which the operations and resolvers call.
 */
const partnershipAdmin: AccessRule = { regionalRoles: [], partnershipRoles: ['partnership-admin'] };

export const ARRANGEMENTS_ACCESS = {
  /** A body and its meetings; also `viewerCanEdit` on a partnership, its bodies and meetings. */
  editBody: partnershipAdmin,
  recordSuccessMeasurement: partnershipAdmin,
  /** Sharing a body with another partnership: a regional-admin, or an admin of both partnerships (mayShareBody). */
  shareBody: { regionalRoles: ['regional-admin'], partnershipRoles: ['partnership-admin'] },
  /** The joint LSP forum's agenda and notes: its secretariat prepares them. */
  editForumAgenda: { regionalRoles: ['forum-secretariat'], partnershipRoles: [] },
  /** Any other body's agenda and notes: its partnerships' admins prepare them. */
  editAgenda: partnershipAdmin,
  /** Unpublished agendas and draft notes, besides whoever edits them. */
  readAgendaDrafts: { regionalRoles: [], partnershipRoles: ['member', 'partnership-admin'] },
  // --- partnership facts (system of record)
  /** A partnership's facts (name, area, scrutiny, functions, population, Lead Safeguarding Partners, budgets): its admins, or a regional-admin. */
  editPartnershipFacts: { regionalRoles: ['regional-admin'], partnershipRoles: ['partnership-admin'] },
  /** A new partnership: shared regional data, so a regional-admin only. */
  createPartnership: { regionalRoles: ['regional-admin'], partnershipRoles: [] },
  // --- meetings and escalation procedures (system of record)
  /** The joint LSP forum's own meetings: its secretariat schedules, reschedules and cancels them (besides `editBody`). */
  editForumMeetings: { regionalRoles: ['forum-secretariat'], partnershipRoles: [] },
  /** A partnership's escalation and dispute-resolution procedures. */
  editEscalationProcedures: partnershipAdmin,
  // --- strategic plans and regional procedures (system of record)
  /** A partnership's strategic plans: plans, priorities, success statements, Strategic Action Plan actions. */
  editStrategicPlan: partnershipAdmin,
  /** The shared regional procedures' chapters and their versions. */
  editRegionalProcedures: { regionalRoles: ['regional-admin'], partnershipRoles: [] },
  /** A partnership's adoption of a regional procedure and its local amendments. */
  adoptRegionalProcedure: partnershipAdmin,
} as const satisfies Record<string, AccessRule>;

export type ArrangementsAction = keyof typeof ARRANGEMENTS_ACCESS;

export const { rolesFor, mayAct } = accessTable<ArrangementsAction>(ARRANGEMENTS_ACCESS);
/** Which action edits a body's agenda, by the body's kind; unlisted kinds use `editAgenda`. */
export const AGENDA_EDIT_ACTION: Partial<Record<BodyKind, ArrangementsAction>> = { LEAD_PARTNERS_FORUM: 'editForumAgenda' };

export const agendaEditAction = (kind: BodyKind): ArrangementsAction => AGENDA_EDIT_ACTION[kind] ?? 'editAgenda';

async function partnershipIdsOf(body: BodyEntity, loaders: ArrangementsLoaders): Promise<string[]> {
  return (await loaders.bodyPartnerships.load(body.id)).map((link) => link.partnershipId);
}

/** May the caller edit the Strategic Action Plan of this group (a partnership-admin of one of its partnerships)? */
export async function mayEditActionPlan(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  return mayAct(caller, 'editStrategicPlan', await partnershipIdsOf(body, loaders));
}

/** A partnership-admin of any of the body's partnerships may edit it and its meetings. */
export async function mayEditBody(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  return mayAct(caller, 'editBody', await partnershipIdsOf(body, loaders));
}

/** May the caller prepare and change this body's agendas and notes? */
export async function mayEditAgenda(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  return mayAct(caller, agendaEditAction(body.kind), await partnershipIdsOf(body, loaders));
}

/** May the caller read drafts (unpublished agendas, draft notes)? Editors and the body's partnerships' members. */
export async function mayReadAgendaDrafts(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  if (await mayEditAgenda(caller, body, loaders)) return true;
  return mayAct(caller, 'readAgendaDrafts', await partnershipIdsOf(body, loaders));
}

/**
 * May the caller share this body with `partnershipId` (or, without one, with some other partnership)?
 * A regional-admin may; otherwise a partnership-admin of one of the body's partnerships who is also
 * admin of the other partnership, which stands for that partnership's consent.
 */
export async function mayShareBody(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders, partnershipId?: string): Promise<boolean> {
  if (mayAct(caller, 'shareBody', [])) return true;
  const owners = await partnershipIdsOf(body, loaders);
  if (!mayAct(caller, 'editBody', owners)) return false;
  if (partnershipId !== undefined) return mayAct(caller, 'editBody', [partnershipId]);
  return partnershipsWithRole(caller, ['partnership-admin']).some((id) => !owners.includes(id));
}

// --- meetings and escalation procedures (system of record)
/** Which extra action may also schedule and record a body's meetings, by the body's kind (besides `editBody`). */
export const MEETING_EDIT_ACTION: Partial<Record<BodyKind, ArrangementsAction>> = { LEAD_PARTNERS_FORUM: 'editForumMeetings' };

/**
 * May the caller schedule, reschedule and record this body's meetings? A partnership-admin of one
 * of its partnerships; for the joint LSP forum also its secretariat.
 */
export async function mayEditMeetings(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  if (await mayEditBody(caller, body, loaders)) return true;
  const extra = MEETING_EDIT_ACTION[body.kind];
  return extra ? mayAct(caller, extra, await partnershipIdsOf(body, loaders)) : false;
}

/** May the caller record and revise this partnership's escalation procedures? */
export const mayEditEscalationProcedures = (caller: Caller, partnershipId: string): boolean => mayAct(caller, 'editEscalationProcedures', [partnershipId]);
