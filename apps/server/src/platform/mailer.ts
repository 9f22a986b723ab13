/**
 * Outgoing e-mail. Every message is first written to the outbox table in the caller's transaction
 * (so an invitation and its e-mail commit together); `deliverPending` sends what is unsent over
 * SMTP when SMTP_URL is set. Without SMTP the outbox is the development mailbox the national
 * administrator reads in the app.
 */
import nodemailer from 'nodemailer';
import type { Database, Tx } from '../db/database.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  enqueue(tx: Tx | Database, mail: OutgoingMail): Promise<void>;
  deliverPending(db: Database): Promise<number>;
}

export function createMailer(options: { smtpUrl?: string | undefined; from: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  return {
    async enqueue(tx, mail) {
      await tx.insertInto('outboxEmails').values({ toAddress: mail.to, subject: mail.subject, bodyText: mail.text }).execute();
    },
    async deliverPending(db) {
      if (!transport) return 0;
      const pending = await db.selectFrom('outboxEmails').selectAll().where('sentAt', 'is', null).orderBy('createdAt').limit(50).execute();
      let sent = 0;
      for (const mail of pending) {
        try {
          await transport.sendMail({ from: options.from, to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
          await db.updateTable('outboxEmails').set({ sentAt: new Date(), lastError: null }).where('id', '=', mail.id).execute();
          sent++;
        } catch (error) {
          await db.updateTable('outboxEmails').set({ lastError: String(error) }).where('id', '=', mail.id).execute();
        }
      }
      return sent;
    },
  };
}
