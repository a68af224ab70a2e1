import { Type } from '@sinclair/typebox';
import { DISTRICTS } from '../../src/domain/districts';
import { OneOfSchema } from './common';

/** `GET /api/exports/tickets.csv`: filing days (YYYY-MM-DD, Beijing, both included; checked by the domain). */
export const TicketExportQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  /** An admin's choice of one district; a worker's export is always their own district's. */
  district: Type.Optional(OneOfSchema(DISTRICTS)),
});

/** A CSV file: UTF-8 with a byte-order mark. */
export const CsvFileSchema = Type.String();
