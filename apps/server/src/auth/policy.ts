/**
 * The one place that decides who may do what. Deny by default: a permission is allowed only when
 * the actor holds a role granted that permission, in a scope that covers the resource.
 *
 * Scopes: an organisation role covers that organisation; a province role (NACC provincial office)
 * covers every organisation in the province; a region role (PACC regional office) covers every
 * province mapped to the region; a national role covers everything.
 *
 * Services call `can` / `assertCan` for single resources and `visibleScope` to scope list queries,
 * so a list never returns what a single read would refuse.
 */
import { ROLE_SCOPE, type Role } from '@prongsai/contracts';
import { AppError } from '../errors.ts';
import type { Actor, ActorMembership } from './actor.ts';

const ORG_ROLES: Role[] = ['org_viewer', 'org_editor', 'org_approver', 'org_admin'];
const OVERSIGHT_ROLES: Role[] = ['nacc_provincial_officer', 'pacc_regional_officer', 'nacc_national_officer', 'pacc_national_officer'];

/** Every permission and the roles granted it. A permission not listed here does not exist. */
export const GRANTS = {
  /** Add an agency, school or civil-society group. */
  'organization.create': ['system_admin'],
  /** Edit an organisation's contact details, website and map point. */
  'organization.update': ['org_admin', 'system_admin'],
  /** Edit the province → PACC region table (unconfirmed data). */
  'province.update': ['pacc_national_officer', 'system_admin'],
  /** Invite people into an organisation, province or region. Org admins: organisation roles only. */
  'user.invite': ['org_admin', 'system_admin'],
  /** See the people and roles of an organisation. */
  'user.list': ['org_admin', 'system_admin'],
  /** Revoke a membership. */
  'membership.revoke': ['org_admin', 'system_admin'],
  /** Browse the audit log (org admins see their organisation's entries). */
  'audit.read': ['org_admin', 'system_admin'],
  /** Recompute the audit hash chain and report the first tampered row. */
  'audit.verify': ['system_admin'],
  /** Read the development outbox of e-mails. */
  'outbox.read': ['system_admin'],
  /** See unpublished plans and progress. */
  'plan.read': [...ORG_ROLES, ...OVERSIGHT_ROLES, 'system_admin'],
  /** Draft and edit a plan, its items and progress reports. */
  'plan.edit': ['org_editor', 'org_admin'],
  /** Internal review and executive approval of a plan. */
  'plan.approve': ['org_approver'],
  /** Review a submitted plan: return with comments, accept, score. */
  'plan.review': ['nacc_provincial_officer', 'nacc_national_officer'],
  /** Manage plan frameworks, cycles, rubrics and deadlines. */
  'plan.configure': ['nacc_national_officer', 'system_admin'],
  /** Set submission deadlines for a province. */
  'plan.deadline': ['nacc_provincial_officer', 'nacc_national_officer'],
  /** Import procurement data and run red-flag analysis. */
  'procurement.import': ['pacc_regional_officer', 'nacc_provincial_officer', 'pacc_national_officer', 'nacc_national_officer', 'system_admin'],
  /** See flags that are not yet public, watchlists and risk scores in detail. */
  'procurement.read': [...OVERSIGHT_ROLES, 'system_admin'],
  /** Answer a flag raised on one's own purchases. */
  'flag.respond': ['org_editor', 'org_admin'],
  /** Mark a flag reviewed. */
  'flag.review': [...OVERSIGHT_ROLES],
  /** Follow a background job's progress (its creator always may; see canReadJob). */
  'job.read': [...ORG_ROLES, ...OVERSIGHT_ROLES, 'system_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

/** Where a resource sits. Null fields mean "not in any such scope" (only national roles cover it). */
export interface ResourceScope {
  organizationId: string | null;
  provinceCode: string | null;
  paccRegion: number | null;
}

export const NATIONAL_SCOPE: ResourceScope = Object.freeze({ organizationId: null, provinceCode: null, paccRegion: null });

function covers(membership: ActorMembership, scope: ResourceScope): boolean {
  switch (ROLE_SCOPE[membership.role]) {
    case 'organization':
      return membership.organizationId !== null && membership.organizationId === scope.organizationId;
    case 'province':
      return membership.provinceCode !== null && membership.provinceCode === scope.provinceCode;
    case 'region':
      return membership.paccRegion !== null && membership.paccRegion === scope.paccRegion;
    case 'national':
      return true;
  }
}

function grantedMemberships(actor: Actor, permission: Permission): ActorMembership[] {
  if (actor.kind === 'system') return [];
  if (actor.kind !== 'user') return [];
  const roles = GRANTS[permission] as readonly Role[];
  return actor.memberships.filter((m) => roles.includes(m.role));
}

/** May the actor do `permission` on a resource in `scope`? System actors may do everything. */
export function can(actor: Actor, permission: Permission, scope: ResourceScope): boolean {
  if (actor.kind === 'system') return true;
  return grantedMemberships(actor, permission).some((m) => covers(m, scope));
}

/** Throws UNAUTHENTICATED for anonymous actors, FORBIDDEN for others, unless allowed. */
export function assertCan(actor: Actor, permission: Permission, scope: ResourceScope): void {
  if (can(actor, permission, scope)) return;
  throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

/** Throws UNAUTHENTICATED unless a person is signed in. */
export function assertSignedIn(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
}

/**
 * The scopes in which the actor holds `permission`, for filtering list queries:
 * `national` true means no filter; otherwise a row is visible when its organisation, province or
 * PACC region is in the lists.
 */
export interface VisibleScope {
  national: boolean;
  organizationIds: string[];
  provinceCodes: string[];
  paccRegions: number[];
}

export function visibleScope(actor: Actor, permission: Permission): VisibleScope {
  if (actor.kind === 'system') return { national: true, organizationIds: [], provinceCodes: [], paccRegions: [] };
  const result: VisibleScope = { national: false, organizationIds: [], provinceCodes: [], paccRegions: [] };
  for (const m of grantedMemberships(actor, permission)) {
    const kind = ROLE_SCOPE[m.role];
    if (kind === 'national') result.national = true;
    else if (kind === 'organization' && m.organizationId) result.organizationIds.push(m.organizationId);
    else if (kind === 'province' && m.provinceCode) result.provinceCodes.push(m.provinceCode);
    else if (kind === 'region' && m.paccRegion !== null) result.paccRegions.push(m.paccRegion);
  }
  return result;
}

/** True when the scope grants nothing at all. */
export function isEmptyScope(scope: VisibleScope): boolean {
  return !scope.national && scope.organizationIds.length === 0 && scope.provinceCodes.length === 0 && scope.paccRegions.length === 0;
}

/** Roles an inviter may hand out with `user.invite`: org admins only organisation roles in their own org. */
export function canGrantRole(actor: Actor, role: Role, scope: ResourceScope): boolean {
  if (!can(actor, 'user.invite', scope)) return false;
  if (actor.kind === 'system') return true;
  const isNationalAdmin = actor.kind === 'user' && actor.memberships.some((m) => m.role === 'system_admin');
  return isNationalAdmin || ROLE_SCOPE[role] === 'organization';
}

/**
 * Background jobs: the person who started one may always follow it; others need `job.read` in the
 * scope of the job's organisation (a job with no organisation: national roles only).
 */
export function canReadJob(actor: Actor, job: { createdBy: string | null; scope: ResourceScope }): boolean {
  if (actor.kind === 'user' && job.createdBy !== null && job.createdBy === actor.userId) return true;
  return can(actor, 'job.read', job.scope);
}
