import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { CSV_BOM, csvLine } from '../../../src/domain/csv';
import { beijingDate } from '../../../src/domain/dates';
import {
  COMMITMENT_EXPORT_HEADER,
  commitmentExportCells,
  parseExportRange,
  TICKET_EXPORT_HEADER,
  ticketExportCells,
  ticketExportName,
} from '../../../src/domain/exports';
import { AppError, validationError } from '../../errors';
import { findCommitments } from '../../repositories/commitments';
import { exportTicketPages, type TicketExportQuery } from '../../repositories/ticket-export';
import { errorResponses } from '../../schemas/common';
import { CsvFileSchema, TicketExportQuerySchema } from '../../schemas/exports';
import type { Database } from '../../db/tables';
import type { Kysely } from 'kysely';

/** Sends a CSV file to be saved: its name in UTF-8 (RFC 6266), an ASCII one for older clients. */
export function sendCsv(reply: FastifyReply, name: string, body: string | Readable) {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header(
    'content-disposition',
    `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  reply.header('cache-control', 'no-store');
  return reply.send(body);
}

/** The export's text, a page of requests at a time: the next page is read only when the reply wants more. */
function ticketCsv(db: Kysely<Database>, query: TicketExportQuery, now: Date): Readable {
  async function* lines() {
    yield CSV_BOM + csvLine(TICKET_EXPORT_HEADER);
    for await (const page of exportTicketPages(db, { query })) {
      yield page.map((row) => csvLine(ticketExportCells(row, now))).join('');
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

/** Spreadsheets for officials: the commitments (anyone) and the requests (staff, a worker their district's). */
const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/commitments.csv',
    { schema: { response: { 200: CsvFileSchema } } },
    async (_request, reply) => {
      const now = app.now();
      const commitments = await findCommitments(app.db, { now });
      const body = [COMMITMENT_EXPORT_HEADER, ...commitments.map(commitmentExportCells)]
        .map(csvLine)
        .join('');
      return sendCsv(reply, `民生实事进展_${beijingDate(now)}.csv`, CSV_BOM + body);
    },
  );

  app.get(
    '/exports/tickets.csv',
    {
      schema: {
        querystring: TicketExportQuerySchema,
        response: { 200: CsvFileSchema, ...errorResponses(400, 401, 403) },
      },
      preHandler: app.requireStaff,
    },
    async (request, reply) => {
      const staff = request.staff!;
      const range = parseExportRange(request.query);
      if (!range.ok) throw validationError(range.errors);
      const { district } = request.query;
      if (staff.role !== 'admin' && district && district !== staff.district) {
        throw new AppError(403, 'forbidden', '只能导出本辖区的诉求');
      }
      const now = app.now();
      const name = ticketExportName(range.value, beijingDate(now));
      // A worker without a district has no requests to export: the header alone.
      if (staff.role !== 'admin' && !staff.district) {
        return sendCsv(reply, name, CSV_BOM + csvLine(TICKET_EXPORT_HEADER));
      }
      const query = {
        district: staff.role === 'admin' ? district : staff.district!,
        range: range.value,
      };
      return sendCsv(reply, name, ticketCsv(app.db, query, now));
    },
  );
};

export default exportRoutes;
