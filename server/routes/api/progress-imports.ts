import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csvLine, CSV_BOM } from '../../../src/domain/csv';
import { beijingDate } from '../../../src/domain/dates';
import { ERROR_MESSAGES } from '../../../src/domain/errors';
import {
  IMPORT_COLUMNS,
  IMPORT_LIMITS,
  parseImportTable,
  type ImportReport,
} from '../../../src/domain/progress-import';
import { formatTarget } from '../../../src/domain/progress';
import { decodeCsvBytes, readCsvRecords } from '../../csv/read';
import { AppError } from '../../errors';
import { idempotencyKeyOf, idempotencyOf, invalidIdempotencyKey } from '../../idempotency';
import { findCommitments } from '../../repositories/commitments';
import { importProgress } from '../../repositories/progress-imports';
import { errorResponses } from '../../schemas/common';
import { CsvFileSchema } from '../../schemas/exports';
import {
  ImportedProgressSchema,
  ImportRefusedSchema,
  ImportReportSchema,
  ProgressImportBodySchema,
  ProgressImportQuerySchema,
} from '../../schemas/progress-imports';
import { sendCsv } from './exports';

const isDryRun = (query: unknown) => {
  const dryRun = (query as { dryRun?: unknown } | null)?.dryRun;
  return dryRun === '1' || dryRun === 'true';
};

/** A refused import: 422, the envelope with the report (every row's problems), nothing written. */
function refuse(reply: FastifyReply, report: ImportReport) {
  return reply.status(422).send({
    code: 'validation_failed' as const,
    message: ERROR_MESSAGES.validation_failed,
    ...report,
  });
}

/**
 * Progress from a department's spreadsheet (admins): `text/csv` of at most 1 MB with the columns
 * `id,value,percent,note,date`, each row checked by the progress form's rule (src/domain/progress-import.ts).
 * `?dryRun=1` answers the report and writes nothing; otherwise every row becomes an update, or none does.
 */
const progressImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // For this plugin's routes only: the file's bytes, decoded to text (UTF-8 with or without BOM, or GB18030).
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.maxBytes },
    (_request, body, done) => done(null, decodeCsvBytes(body as Buffer)),
  );

  app.post(
    '/progress-imports',
    {
      // Before the body is read: a worker or a stranger learns nothing of the file's rules.
      onRequest: app.requireAdmin,
      bodyLimit: IMPORT_LIMITS.maxBytes,
      schema: {
        querystring: ProgressImportQuerySchema,
        body: ProgressImportBodySchema,
        response: {
          200: ImportReportSchema,
          201: ImportedProgressSchema,
          422: ImportRefusedSchema,
          ...errorResponses(400, 401, 403, 413, 415),
        },
      },
      preValidation: async (request: FastifyRequest) => {
        if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '')) {
          throw new AppError(415, 'unsupported_media_type', '请上传 CSV 文件（text/csv）');
        }
        if (!isDryRun(request.query) && idempotencyKeyOf(request) === null) {
          throw invalidIdempotencyKey();
        }
      },
    },
    async (request, reply) => {
      const now = app.now();
      const staff = request.staff!;
      const table = readCsvRecords(request.body);
      if (!table.ok) {
        const report = { rows: 0, valid: 0, errors: [table.error] };
        return isDryRun(request.query) ? report : refuse(reply, report);
      }
      const commitments = await findCommitments(app.db, { now });
      const targets = new Map(commitments.map((c) => [c.id, c.target]));
      const { report, rows } = parseImportTable(table.records, targets, beijingDate(now));
      reply.header('cache-control', 'no-store');
      if (isDryRun(request.query)) return report;
      if (report.errors.length > 0) return refuse(reply, report);

      const result = await importProgress(app.db, {
        rows,
        commitments: new Map(commitments.map((c) => [c.id, c])),
        author: staff,
        idempotency: idempotencyOf(request, { csv: request.body })!,
        now,
      });
      if (result.kind === 'idempotency_key_reused') throw new AppError(422, result.kind);
      if ('errors' in result) {
        const errors = result.errors.map((e) => ({ row: result.row, ...e }));
        return refuse(reply, { rows: report.rows, valid: report.valid - 1, errors });
      }
      if (result.kind === 'replayed') reply.header('idempotent-replayed', 'true');
      else {
        // Triggers tell every process (decision 012); this one needs no wait to read its own import.
        app.commitmentCache.invalidate();
        request.log.info({ staffId: staff.id, rows: rows.length }, 'progress imported');
      }
      return reply.status(201).send(result.imported);
    },
  );

  app.get(
    '/progress-imports/template.csv',
    { schema: { response: { 200: CsvFileSchema } } },
    async (_request, reply) => {
      const commitments = await findCommitments(app.db, { now: app.now() });
      const header = ['id', 'title', 'target', ...IMPORT_COLUMNS.slice(1)];
      const lines = commitments.map((c) =>
        csvLine([c.id, c.title, c.target ? formatTarget(c.target) : '', '', '', '', '']),
      );
      return sendCsv(reply, '进展导入模板.csv', CSV_BOM + csvLine(header) + lines.join(''));
    },
  );
};

export default progressImportRoutes;
