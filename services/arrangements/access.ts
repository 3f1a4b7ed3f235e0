import { accessTable, type AccessRule, type Caller } from '@safeguarding/auth';
import type { BodyKind } from '@safeguarding/seed-types';
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
  /** The joint LSP forum's agenda and notes: its secretariat prepares them. */
  editForumAgenda: { regionalRoles: ['forum-secretariat'], partnershipRoles: [] },
  /** Any other body's agenda and notes: its partnerships' admins prepare them. */
  editAgenda: partnershipAdmin,
  /** Unpublished agendas and draft notes, besides whoever edits them. */
  readAgendaDrafts: { regionalRoles: [], partnershipRoles: ['member', 'partnership-admin'] },
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

/** May the caller edit the Strategic Action Plan of this group (a partnership-admin of one of its partnerships)? */
export async function mayEditActionPlan(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  return mayAct(caller, 'editStrategicPlan', await partnershipIdsOf(body, loaders));
}
