import { Type, type Static } from '@sinclair/typebox';
import { UPDATE_LIMITS, type CommitmentUpdateInput } from '../../src/domain/update-rules';
import type { Equals, Expect } from './common';

/** The shape of `POST /api/commitments/:id/updates`; the rules across fields are in src/domain/update-rules.ts. */
export const CommitmentUpdateBodySchema = Type.Object(
  {
    value: Type.Optional(Type.Number({ minimum: 0 })),
    percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    note: Type.String({ maxLength: UPDATE_LIMITS.noteMax * 4 }),
    photos: Type.Optional(
      Type.Array(Type.String({ maxLength: 300 }), { maxItems: UPDATE_LIMITS.photosMax }),
    ),
  },
  { additionalProperties: false },
);

export type SchemaMatchesDomain = Expect<
  Equals<Static<typeof CommitmentUpdateBodySchema>, CommitmentUpdateInput>
>;
