import { hasRole, type Caller } from '@safeguarding/auth';
import type { BodyEntity } from '../entities';
import type { ArrangementsLoaders } from '../loaders';
import { agendaEditorRole, DRAFT_READER_ROLES } from '../rules/agenda-rules';

/** May the caller prepare and change this body's agendas and notes? */
export async function canEditAgenda(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  const role = agendaEditorRole(body.kind);
  if (role === 'forum-secretariat' || role === 'regional-admin' || role === 'analyst') return hasRole(caller, role);
  const links = await loaders.bodyPartnerships.load(body.id);
  return links.some((link) => hasRole(caller, role, link.partnershipId));
}

/** May the caller read drafts (unpublished agendas, draft notes)? Editors and the body's partnerships' members. */
export async function canReadAgendaDrafts(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  if (await canEditAgenda(caller, body, loaders)) return true;
  const links = await loaders.bodyPartnerships.load(body.id);
  return links.some((link) => DRAFT_READER_ROLES.some((role) => hasRole(caller, role, link.partnershipId)));
}
