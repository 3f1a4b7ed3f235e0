import { accessTable, type AccessRule } from '@safeguarding/auth';

/**
 * Who may do what with threshold models and the crosswalk. Models, levels, indicators and the
 * crosswalk come from published documents and guidance, so anyone may read them (permissions.ts);
 * changing the regional crosswalk is a regional judgement, so only regional administrators may.
 * No action here is scoped to one partnership, so no partnership roles qualify.
 */
export const THRESHOLDS_ACCESS = {
  editCrosswalk: { regionalRoles: ['regional-admin'], partnershipRoles: [] },
} as const satisfies Record<string, AccessRule>;

export type ThresholdsAction = keyof typeof THRESHOLDS_ACCESS;

export const { rolesFor, mayAct } = accessTable<ThresholdsAction>(THRESHOLDS_ACCESS);
