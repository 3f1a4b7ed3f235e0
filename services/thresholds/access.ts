import { accessTable, type AccessRule, type Caller } from '@safeguarding/auth';

/**
 * Who may do what with threshold models and the crosswalk. Published models, levels, indicators
 * and the crosswalk come from published documents and guidance, so anyone may read them
 * (permissions.ts). A draft version is unpublished material: it stays inside its partnership,
 * seen by that partnership's members and administrators only, and only its administrators draft,
 * edit, map, discard and publish it. Changing where a published level sits on the regional scale
 * is a regional judgement, so only regional administrators may.
 */
export const THRESHOLDS_ACCESS = {
  editCrosswalk: { regionalRoles: ['regional-admin'], partnershipRoles: [] },
  editModelVersions: { regionalRoles: [], partnershipRoles: ['partnership-admin'] },
  readDrafts: { regionalRoles: [], partnershipRoles: ['member', 'partnership-admin'] },
} as const satisfies Record<string, AccessRule>;

export type ThresholdsAction = keyof typeof THRESHOLDS_ACCESS;

export const { rolesFor, mayAct } = accessTable<ThresholdsAction>(THRESHOLDS_ACCESS);

/** A published version is public; a draft is seen only by members and administrators of its partnership. */
export function canSeeModel(caller: Caller, model: { status: string; partnershipId: string }): boolean {
  return model.status === 'PUBLISHED' || mayAct(caller, 'readDrafts', [model.partnershipId]);
}

/** Drafting, editing, discarding and publishing a partnership's versions: its partnership administrators. */
export function canEditModelVersions(caller: Caller, partnershipId: string): boolean {
  return mayAct(caller, 'editModelVersions', [partnershipId]);
}

/** A published level's mapping is the regional administrators'; a draft's is its partnership administrators'. */
export function canEditMapping(caller: Caller, model: { status: string; partnershipId: string }): boolean {
  return model.status === 'PUBLISHED' ? mayAct(caller, 'editCrosswalk') : canEditModelVersions(caller, model.partnershipId);
}
