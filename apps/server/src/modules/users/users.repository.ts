/** The only SQL about invitations, memberships, members and notifications. */
import { sql, type Insertable } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import type { InvitationsTable, MembershipsTable } from '../../db/tables.ts';

type Db = Database | Tx;

export interface MembershipScope {
  organizationId: string | null;
  provinceCode: string | null;
  paccRegion: number | null;
}

/** Rows whose organisation, province and region columns equal `scope` (nulls included). */
function sameScope(scope: MembershipScope) {
  return sql<boolean>`(organization_id is not distinct from ${scope.organizationId}::uuid
    and province_code is not distinct from ${scope.provinceCode}::text
    and pacc_region is not distinct from ${scope.paccRegion}::int)`;
}

export function createUsersRepository() {
  function invitationQuery(db: Db) {
    return db
      .selectFrom('invitations as i')
      .innerJoin('users as inviter', 'inviter.id', 'i.invitedBy')
      .leftJoin('organizations as o', 'o.id', 'i.organizationId')
      .leftJoin('provinces as p', 'p.code', 'i.provinceCode')
      .select([
        'i.id',
        'i.email',
        'i.displayName',
        'i.role',
        'i.organizationId',
        'o.code as organizationCode',
        'o.nameTh as organizationNameTh',
        'i.provinceCode',
        'p.nameTh as provinceNameTh',
        'i.paccRegion',
        'i.invitedBy',
        'inviter.displayName as invitedByName',
        'i.createdAt',
        'i.expiresAt',
        'i.acceptedAt',
        'i.revokedAt',
      ]);
  }

  return {
    /** An organisation and where it sits, for the policy. */
    async findOrganization(db: Db, code: string) {
      return db
        .selectFrom('organizations as o')
        .leftJoin('provinces as p', 'p.code', 'o.provinceCode')
        .select(['o.id', 'o.code', 'o.nameTh', 'o.provinceCode', 'p.paccRegion'])
        .where('o.code', '=', code)
        .where('o.archivedAt', 'is', null)
        .executeTakeFirst();
    },

    async findProvince(db: Db, code: string) {
      return db.selectFrom('provinces').select(['code', 'nameTh', 'paccRegion']).where('code', '=', code).executeTakeFirst();
    },

    async hasActiveMembership(db: Db, userId: string, role: string, scope: MembershipScope): Promise<boolean> {
      const row = await db
        .selectFrom('memberships')
        .select('id')
        .where('userId', '=', userId)
        .where('role', '=', role)
        .where('revokedAt', 'is', null)
        .where(sameScope(scope))
        .executeTakeFirst();
      return row !== undefined;
    },

    async insertInvitation(tx: Tx, row: Insertable<InvitationsTable>) {
      return tx.insertInto('invitations').values(row).returning('id').executeTakeFirstOrThrow();
    },

    /** Revokes open invitations of the same e-mail to the same role and scope (a re-invitation replaces them). */
    async revokeOpenInvitations(tx: Tx, email: string, role: string, scope: MembershipScope, at: Date): Promise<number> {
      const result = await tx
        .updateTable('invitations')
        .set({ revokedAt: at })
        .where(sql<string>`lower(email)`, '=', email.toLowerCase())
        .where('role', '=', role)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .where(sameScope(scope))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async findInvitation(db: Db, id: string) {
      return invitationQuery(db).where('i.id', '=', id).executeTakeFirst();
    },

    async findInvitationByTokenHash(db: Db, tokenHash: string) {
      return invitationQuery(db).where('i.tokenHash', '=', tokenHash).executeTakeFirst();
    },

    /** Locks an open invitation for acceptance; undefined when accepted, revoked or expired. */
    async lockOpenInvitation(tx: Tx, tokenHash: string, now: Date) {
      return tx
        .selectFrom('invitations')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', now)
        .forUpdate()
        .executeTakeFirst();
    },

    async markInvitationAccepted(tx: Tx, id: string, at: Date) {
      await tx.updateTable('invitations').set({ acceptedAt: at }).where('id', '=', id).execute();
    },

    async listOpenInvitations(db: Db, organizationId: string, now: Date) {
      return invitationQuery(db)
        .where('i.organizationId', '=', organizationId)
        .where('i.acceptedAt', 'is', null)
        .where('i.revokedAt', 'is', null)
        .where('i.expiresAt', '>', now)
        .orderBy('i.createdAt', 'desc')
        .execute();
    },

    async insertMembership(tx: Tx, row: Insertable<MembershipsTable>) {
      return tx.insertInto('memberships').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async listMembers(db: Db, organizationId: string) {
      return db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.userId')
        .select(['m.id as membershipId', 'u.id as userId', 'u.email', 'u.displayName', 'm.role', 'u.totpEnabledAt', 'm.createdAt'])
        .where('m.organizationId', '=', organizationId)
        .where('m.revokedAt', 'is', null)
        .where('u.disabledAt', 'is', null)
        .orderBy('u.displayName')
        .execute();
    },

    async findMembership(db: Db, id: string) {
      return db.selectFrom('memberships').selectAll().where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst();
    },

    async revokeMembership(tx: Tx, id: string, at: Date) {
      return tx.updateTable('memberships').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).returningAll().executeTakeFirst();
    },

    async countActiveRole(db: Db, role: string): Promise<number> {
      const row = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.userId')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('m.role', '=', role)
        .where('m.revokedAt', 'is', null)
        .where('u.disabledAt', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    // Notifications ------------------------------------------------------------------------------
    async listNotifications(db: Db, userId: string, limit: number, unreadOnly: boolean) {
      let q = db.selectFrom('notifications').select(['id', 'kind', 'title', 'body', 'link', 'createdAt', 'readAt']).where('userId', '=', userId);
      if (unreadOnly) q = q.where('readAt', 'is', null);
      return q.orderBy('createdAt', 'desc').orderBy('id').limit(limit).execute();
    },

    async countUnread(db: Db, userId: string): Promise<number> {
      const row = await db
        .selectFrom('notifications')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('userId', '=', userId)
        .where('readAt', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** Marks one of the user's notifications read; undefined when it is not theirs (or unknown). */
    async markNotificationRead(tx: Tx, id: string, userId: string, at: Date) {
      return tx
        .updateTable('notifications')
        .set({ readAt: sql`coalesce(read_at, ${at})` as never })
        .where('id', '=', id)
        .where('userId', '=', userId)
        .returning(['id', 'readAt'])
        .executeTakeFirst();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
