import { Type, type Static } from '@sinclair/typebox';
import {
  COMMITMENT_CATEGORIES,
  TARGET_QUALIFIERS,
  type Commitment,
  type CommitmentDetail,
  type Page,
} from '../../src/domain/commitment';
import { COMMITMENT_STATUSES } from '../../src/domain/status';
import { CommitmentUpdateSchema } from './commitment-updates';
import {
  CodeSchema,
  Nullable,
  OneOfSchema,
  PageLimitSchema,
  PageSchema,
  type Equals,
  type Expect,
} from './common';

export const CommitmentCategorySchema = CodeSchema(COMMITMENT_CATEGORIES);
export const CommitmentStatusSchema = CodeSchema(COMMITMENT_STATUSES);

export const TargetSchema = Type.Object({
  value: Type.Number(),
  unit: Type.String(),
  qualifier: OneOfSchema(TARGET_QUALIFIERS),
});

export const CommitmentSchema = Type.Object({
  id: Type.String(),
  category: CommitmentCategorySchema,
  title: Type.String(),
  quote: Type.String(),
  section: Type.String(),
  target: Nullable(TargetSchema),
  baseline2019: Nullable(
    Type.Object({ value: Type.Number(), unit: Type.String(), quote: Type.String() }),
  ),
  deadline: Type.String(),
  progress: Type.Object({
    percent: Type.Integer(),
    current: Nullable(Type.Number()),
    asOf: Nullable(Type.String()),
    reachedOn: Nullable(Type.String()),
  }),
  status: CommitmentStatusSchema,
  updatedAt: Nullable(Type.String()),
});

export const CommitmentDetailSchema = Type.Composite([
  CommitmentSchema,
  Type.Object({ updates: Type.Array(CommitmentUpdateSchema) }),
]);

export const CommitmentIdParamsSchema = Type.Object({ id: Type.String({ maxLength: 100 }) });

export const CommitmentListQuerySchema = Type.Object(
  {
    category: Type.Optional(CommitmentCategorySchema),
    status: Type.Optional(CommitmentStatusSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    limit: PageLimitSchema,
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  },
  { additionalProperties: false },
);

export const CommitmentPageSchema = PageSchema(CommitmentSchema);

export type SchemaMatchesDomain = [
  Expect<Equals<Static<typeof CommitmentSchema>, Commitment>>,
  Expect<Equals<Static<typeof CommitmentDetailSchema>, CommitmentDetail>>,
  Expect<Equals<Static<typeof CommitmentPageSchema>, Page<Commitment>>>,
];
