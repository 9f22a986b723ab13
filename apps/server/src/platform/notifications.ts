/**
 * In-app notifications, written in the caller's transaction (so a notice commits with the change it
 * is about), and by default also e-mailed through the outbox.
 *
 *   await notify(tx, [userId], { kind: 'plan.returned', title: 'แผนถูกส่งกลับ', body: '…', link: '/plans/…' });
 *
 * `link` is a path inside the web app; e-mails show it as `${publicUrl}${link}` when publicUrl is
 * given. Disabled accounts are skipped. Reading and marking read is in modules/users.
 */
import type { Tx } from '../db/database.ts';
import { createMailer, type Mailer } from './mailer.ts';

export interface NotificationInput {
  /** A stable kind for filtering and icons, e.g. 'invitation.accepted', 'plan.returned'. */
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
}

export interface NotifyOptions {
  /** Also e-mail each person (default true). */
  email?: boolean;
  /** Base URL for links in e-mails (config.PUBLIC_URL). */
  publicUrl?: string;
  /** Outbox writer; the default only writes the outbox table (sending is deliverPending's job). */
  mailer?: Mailer;
}

const outboxOnly = createMailer({ from: '' });

export async function notify(tx: Tx, userIds: readonly string[], note: NotificationInput, options: NotifyOptions = {}): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  const people = await tx.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).where('disabledAt', 'is', null).execute();
  if (people.length === 0) return 0;
  await tx
    .insertInto('notifications')
    .values(people.map((p) => ({ userId: p.id, kind: note.kind, title: note.title, body: note.body ?? '', link: note.link ?? null })))
    .execute();
  if (options.email !== false) {
    const mailer = options.mailer ?? outboxOnly;
    const link = note.link ? `\n\n${options.publicUrl ? options.publicUrl.replace(/\/$/, '') : ''}${note.link}` : '';
    for (const p of people) {
      await mailer.enqueue(tx, { to: p.email, subject: `Prongsai: ${note.title}`, text: `${note.title}\n\n${note.body ?? ''}${link}`.trim() });
    }
  }
  return people.length;
}
