import { Type, type Static } from '@sinclair/typebox';
import type { CommitmentUpdate } from '../../src/domain/commitment';
import { STAFF_ROLES } from '../../src/domain/staff';
import { UPDATE_LIMITS, type CommitmentUpdateInput } from '../../src/domain/update-rules';
import { CodeSchema, Nullable, type Equals, type Expect } from './common';

export const CommitmentUpdateSchema = Type.Object({
  id: Type.String(),
  commitmentId: Type.String(),
  author: Type.Object({ name: Type.String(), role: CodeSchema(STAFF_ROLES) }),
  value: Nullable(Type.Number()),
  percent: Type.Integer(),
  note: Type.String(),
  photos: Type.Array(Type.String()),
  asOf: Type.String(),
  createdAt: Type.String(),
});

/** The shape of `POST /api/commitments/:id/updates`; the rules across fields are in src/domain/update-rules.ts. */
export const CommitmentUpdateInputSchema = Type.Object(
  {
    value: Type.Optional(Type.Number({ minimum: 0 })),
    percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    note: Type.String({ maxLength: UPDATE_LIMITS.noteMax * 4 }),
    photos: Type.Optional(
      Type.Array(Type.String({ maxLength: 300 }), { maxItems: UPDATE_LIMITS.photosMax }),
    ),
    asOf: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);

export type SchemaMatchesDomain = [
  Expect<Equals<Static<typeof CommitmentUpdateSchema>, CommitmentUpdate>>,
  Expect<Equals<Static<typeof CommitmentUpdateInputSchema>, CommitmentUpdateInput>>,
];
