import { Type, type Static, type TInteger } from '@sinclair/typebox';
import { COMMITMENT_STATUS_CODES, type CommitmentStatus } from '../../src/domain/status';
import type { Stats } from '../../src/domain/stats';
import { CommitmentCategorySchema } from './commitments';
import { Nullable, type Equals, type Expect } from './common';
import { TicketCategorySchema } from './tickets';

/** A count for every status and verdict, from the domain's one list. */
const StatusCountsSchema = Type.Object(
  Object.fromEntries(COMMITMENT_STATUS_CODES.map((code) => [code, Type.Integer()])) as Record<
    CommitmentStatus,
    TInteger
  >,
);

export const StatsSchema = Type.Object({
  asOf: Type.String(),
  commitments: Type.Object({
    total: Type.Integer(),
    counts: StatusCountsSchema,
    averagePercent: Type.Integer(),
    byCategory: Type.Array(
      Type.Object({
        category: CommitmentCategorySchema,
        name: Type.String(),
        total: Type.Integer(),
        counts: StatusCountsSchema,
        averagePercent: Type.Integer(),
      }),
    ),
    movedLast7Days: Type.Integer(),
  }),
  tickets: Type.Object({
    total: Type.Integer(),
    open: Type.Integer(),
    resolved: Type.Integer(),
    closureRate: Nullable(Type.Number()),
    satisfactionRate: Nullable(Type.Number()),
    medianHoursToResolve: Nullable(Type.Number()),
    byCategory: Type.Array(
      Type.Object({
        category: TicketCategorySchema,
        name: Type.String(),
        total: Type.Integer(),
        resolved: Type.Integer(),
        closureRate: Nullable(Type.Number()),
        satisfactionRate: Nullable(Type.Number()),
      }),
    ),
  }),
});

export type SchemaMatchesDomain = Expect<Equals<Static<typeof StatsSchema>, Stats>>;
