import { Type, type Static } from '@sinclair/typebox';
import type { Stats } from '../../src/domain/stats';
import { CommitmentCategorySchema } from './commitments';
import { Nullable, type Equals, type Expect } from './common';
import { TicketCategorySchema } from './tickets';

const StatusCountsSchema = Type.Object({
  not_started: Type.Integer(),
  on_track: Type.Integer(),
  behind: Type.Integer(),
  done: Type.Integer(),
});

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
