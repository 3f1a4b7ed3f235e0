import { hasRole, type Caller, type Role } from '@safeguarding/auth';

/**
 * Who may do what with threshold models and the crosswalk. Models, levels, indicators and the
 * crosswalk come from published documents and guidance, so anyone may read them (permissions.ts);
 * changing the regional crosswalk is a regional judgement, so only regional administrators may.
 * No action here is scoped to one partnership, so the table names regional roles only.
 */
export interface AccessRule {
  /** Roles that qualify wherever the caller holds them. */
  regionalRoles: readonly Role[];
}

export const THRESHOLDS_ACCESS = {
  editCrosswalk: { regionalRoles: ['regional-admin'] },
} as const satisfies Record<string, AccessRule>;

export type ThresholdsAction = keyof typeof THRESHOLDS_ACCESS;

/** Every role that qualifies for an action: the coarse check shield makes first. */
export function rolesFor(action: ThresholdsAction): Role[] {
  return [...THRESHOLDS_ACCESS[action].regionalRoles];
}

/** True when the caller may take `action`. */
export function mayAct(caller: Caller, action: ThresholdsAction): boolean {
  return rolesFor(action).some((role) => hasRole(caller, role));
}
