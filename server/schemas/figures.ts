import { Type, type Static, type TInteger, type TOptional } from '@sinclair/typebox';
import { DISTRICTS } from '../../src/domain/districts';
import type { Figures } from '../../src/domain/figures';
import { TICKET_CATEGORIES, type TicketCategory } from '../../src/domain/ticket';
import { CommitmentCategorySchema } from './commitments';
import { Nullable, OneOfSchema, type Equals, type Expect } from './common';

/** `GET /api/figures`: the 数据 page (src/domain/figures.ts). */
export const FiguresSchema = Type.Object({
  asOf: Type.String(),
  completion: Type.Array(
    Type.Object({
      category: CommitmentCategorySchema,
      name: Type.String(),
      total: Type.Integer(),
      completed: Type.Integer(),
      averagePercent: Type.Integer(),
    }),
  ),
  weeks: Type.Array(
    Type.Object({
      week: Type.String(),
      counts: Type.Object(
        Object.fromEntries(
          TICKET_CATEGORIES.map(({ code }) => [code, Type.Optional(Type.Integer())]),
        ) as Record<TicketCategory, TOptional<TInteger>>,
      ),
      total: Type.Integer(),
    }),
  ),
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      filed: Type.Integer(),
      closed: Type.Integer(),
      closureRate: Nullable(Type.Number()),
      medianHoursToClose: Nullable(Type.Number()),
      rated: Type.Integer(),
      satisfied: Type.Integer(),
      satisfactionRate: Nullable(Type.Number()),
    }),
  ),
  districts: Type.Array(Type.Object({ district: OneOfSchema(DISTRICTS), filed: Type.Integer() })),
});

export type SchemaMatchesDomain = Expect<Equals<Static<typeof FiguresSchema>, Figures>>;
