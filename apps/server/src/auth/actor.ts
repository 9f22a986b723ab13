/**
 * Who is acting. Every service method takes an Actor; anonymous visitors are actors too, so the
 * policy decides for them as for anyone (deny by default).
 */
import type { Role } from '@prongsai/contracts';

export interface ActorMembership {
  id: string;
  role: Role;
  organizationId: string | null;
  provinceCode: string | null;
  paccRegion: number | null;
}

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  /** Memberships in force: roles that need TOTP are left out until the session has passed it. */
  memberships: readonly ActorMembership[];
  sessionIdHash: string | null;
}

export interface AnonymousActor {
  kind: 'anonymous';
}

/** The system itself: seeding, imports from the CLI, scheduled jobs. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export type Actor = UserActor | AnonymousActor | SystemActor;

export const ANONYMOUS: AnonymousActor = Object.freeze({ kind: 'anonymous' });

export function systemActor(label: string): SystemActor {
  return { kind: 'system', label };
}

/** A short label for audit entries: the e-mail, "anonymous", or "system:<label>". */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.email;
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.label}`;
  }
}
