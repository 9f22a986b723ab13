/** CSV responses for open data: UTF-8 with a byte-order mark so spreadsheet programs show Thai. */
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';

export function sendCsv(reply: FastifyReply, fileName: string, columns: string[], rows: Array<Record<string, unknown>>): FastifyReply {
  const text = stringify(rows, { header: true, columns, cast: { boolean: (v) => (v ? 'true' : 'false') } });
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(`\ufeff${text}`);
}
