/** The only SQL about accounts, sessions, sign-in attempts, TOTP and password resets. */
import { sql, type Insertable } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import type { SessionsTable, UsersTable } from '../../db/tables.ts';

type Db = Database | Tx;

const lowerEmail = (email: string) => email.trim().toLowerCase();

export function createAuthRepository() {
  return {
    async findUserByEmail(db: Db, email: string) {
      return db.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', lowerEmail(email)).executeTakeFirst();
    },

    async findUserById(db: Db, id: string) {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertUser(tx: Tx, row: Insertable<UsersTable>) {
      return tx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async updatePassword(tx: Tx, userId: string, passwordHash: string) {
      return tx.updateTable('users').set({ passwordHash }).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
    },

    async setTotpSecret(tx: Tx, userId: string, secret: string) {
      await tx.updateTable('users').set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null }).where('id', '=', userId).execute();
    },

    async enableTotp(tx: Tx, userId: string, at: Date) {
      await tx.updateTable('users').set({ totpEnabledAt: at }).where('id', '=', userId).execute();
    },

    /** Records `step` as used; false when it (or a later step) was used already: a replay. */
    async consumeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
      const result = await db
        .updateTable('users')
        .set({ totpLastStep: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', String(step))]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Memberships not revoked, with the organisation's code and name. */
    async listMemberships(db: Db, userId: string) {
      return db
        .selectFrom('memberships as m')
        .leftJoin('organizations as o', 'o.id', 'm.organizationId')
        .select(['m.id', 'm.role', 'm.organizationId', 'o.code as organizationCode', 'o.nameTh as organizationNameTh', 'm.provinceCode', 'm.paccRegion'])
        .where('m.userId', '=', userId)
        .where('m.revokedAt', 'is', null)
        .orderBy('m.createdAt')
        .execute();
    },

    // Sign-in attempts ---------------------------------------------------------------------------
    async recordAttempt(db: Db, row: { email: string; ip: string | null; at: Date; success: boolean }) {
      await db.insertInto('loginAttempts').values({ ...row, email: lowerEmail(row.email) }).execute();
    },

    /** Failed attempts on this account since `since` and after its last successful sign-in. */
    async countAccountFailures(db: Db, email: string, since: Date): Promise<number> {
      const e = lowerEmail(email);
      const row = await db
        .selectFrom('loginAttempts')
        .select(sql<number>`count(*)::int`.as('n'))
        .where(sql<string>`lower(email)`, '=', e)
        .where('success', '=', false)
        .where('at', '>=', since)
        .where(({ eb, selectFrom }) =>
          eb(
            'at',
            '>',
            selectFrom('loginAttempts')
              .select(sql<Date>`coalesce(max(at), '-infinity'::timestamptz)`.as('last'))
              .where(sql<string>`lower(email)`, '=', e)
              .where('success', '=', true),
          ),
        )
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async countIpFailures(db: Db, ip: string, since: Date): Promise<number> {
      const row = await db
        .selectFrom('loginAttempts')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('ip', '=', ip)
        .where('success', '=', false)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async deleteAttemptsBefore(db: Db, before: Date) {
      await db.deleteFrom('loginAttempts').where('at', '<', before).execute();
    },

    // Sessions -----------------------------------------------------------------------------------
    async insertSession(db: Db, row: Insertable<SessionsTable>) {
      return db.insertInto('sessions').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async findSession(db: Db, idHash: string) {
      return db.selectFrom('sessions').selectAll().where('idHash', '=', idHash).executeTakeFirst();
    },

    async touchSession(db: Db, idHash: string, now: Date, idleExpiresAt: Date) {
      await db.updateTable('sessions').set({ lastSeenAt: now, idleExpiresAt }).where('idHash', '=', idHash).where('revokedAt', 'is', null).execute();
    },

    async revokeSession(db: Db, idHash: string, at: Date) {
      await db.updateTable('sessions').set({ revokedAt: at }).where('idHash', '=', idHash).where('revokedAt', 'is', null).execute();
    },

    /** Ends every open session of a user, except `keepIdHash`; returns how many. */
    async revokeUserSessions(db: Db, userId: string, at: Date, keepIdHash?: string): Promise<number> {
      let q = db.updateTable('sessions').set({ revokedAt: at }).where('userId', '=', userId).where('revokedAt', 'is', null);
      if (keepIdHash) q = q.where('idHash', '<>', keepIdHash);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    // Password resets ----------------------------------------------------------------------------
    async insertPasswordReset(db: Db, row: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }) {
      await db.insertInto('passwordResets').values(row).execute();
    },

    async countRecentResets(db: Db, userId: string, since: Date): Promise<number> {
      const row = await db
        .selectFrom('passwordResets')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('userId', '=', userId)
        .where('createdAt', '>=', since)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** Marks a reset token used if it is unused and unexpired; returns its user id, or undefined. */
    async useResetToken(tx: Tx, tokenHash: string, now: Date): Promise<string | undefined> {
      const row = await tx
        .updateTable('passwordResets')
        .set({ usedAt: now })
        .where('tokenHash', '=', tokenHash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .returning('userId')
        .executeTakeFirst();
      return row?.userId;
    },

    async expireUserResets(tx: Tx, userId: string, now: Date) {
      await tx.updateTable('passwordResets').set({ usedAt: now }).where('userId', '=', userId).where('usedAt', 'is', null).execute();
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
