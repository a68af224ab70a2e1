import { Type, type Static } from '@sinclair/typebox';
import type { ImportedProgress, ImportReport } from '../../src/domain/progress-import';
import { ErrorSchema, OneOfSchema, type Equals, type Expect } from './common';

/** `?dryRun=1`: check every row and write nothing. */
export const ProgressImportQuerySchema = Type.Object({
  dryRun: Type.Optional(OneOfSchema(['1', '0', 'true', 'false'] as const)),
});

/** The body as read by the text/csv parser: the file's text, decoded (UTF-8, with or without BOM, or GB18030). */
export const ProgressImportBodySchema = Type.String();

const ImportReportProperties = {
  rows: Type.Integer(),
  valid: Type.Integer(),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() }),
  ),
};

export const ImportReportSchema = Type.Object(ImportReportProperties);
export const ImportedProgressSchema = Type.Object({
  ...ImportReportProperties,
  imported: Type.Integer(),
});
/** A refused import (422): the error envelope, with the same report as a dry run gives when rows were wrong. */
export const ImportRefusedSchema = Type.Object({
  ...ErrorSchema.properties,
  ...Type.Partial(ImportReportSchema).properties,
});

export type SchemaMatchesDomain = [
  Expect<Equals<Static<typeof ImportReportSchema>, ImportReport>>,
  Expect<Equals<Static<typeof ImportedProgressSchema>, ImportedProgress>>,
];
