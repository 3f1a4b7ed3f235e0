import { hasRole, type Caller, type Role } from './caller';

/**
 * A subgraph's access table: for each action, the roles that qualify anywhere and the roles that
 * qualify only within the partnerships concerned. One table feeds both shield's coarse rule
 * (`rolesFor`) and the scope checks that need data (`mayAct`), so the two cannot drift apart.
 */
export interface AccessRule {
  /** Roles that qualify wherever the caller holds them. */
  regionalRoles: readonly Role[];
  /** Roles that qualify only within one of the partnerships concerned. */
  partnershipRoles: readonly Role[];
  /** Roles that qualify for the joint Lead Safeguarding Partners forum only (its secretariat); the check needs the body. */
  forumRoles?: readonly Role[];
}

export interface AccessTable<Action extends string> {
  /** Every role that could qualify for any of the actions somewhere: the coarse check shield makes first. */
  rolesFor: (...actions: Action[]) => Role[];
  /** True when the caller may take `action` on something belonging to any of `partnershipIds`. */
  mayAct: (caller: Caller, action: Action, partnershipIds?: readonly string[]) => boolean;
}

export function accessTable<Action extends string>(table: Record<Action, AccessRule>): AccessTable<Action> {
  return {
    rolesFor: (...actions) => [
      ...new Set(actions.flatMap((action) => [...table[action].regionalRoles, ...table[action].partnershipRoles, ...(table[action].forumRoles ?? [])])),
    ],
    mayAct: (caller, action, partnershipIds = []) => {
      const rule = table[action];
      if (rule.regionalRoles.some((role) => hasRole(caller, role))) return true;
      return rule.partnershipRoles.some((role) => partnershipIds.some((partnershipId) => hasRole(caller, role, partnershipId)));
    },
  };
}
