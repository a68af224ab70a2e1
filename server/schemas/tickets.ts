import { Type, type Static } from '@sinclair/typebox';
import type { District } from '../../src/domain/districts';
import type { GeoLocation } from '../../src/domain/location';
import {
  RATING_SCORES,
  TICKET_CATEGORIES,
  TICKET_STATUSES,
  type CreatedTicket,
  type RatingScore,
  type Ticket,
  type TicketCategory,
  type TicketInput,
  type TicketSummary,
} from '../../src/domain/ticket';
import { RATING_LIMITS, TICKET_EVENT_LIMITS } from '../../src/domain/ticket-rules';
import {
  CodeSchema,
  Nullable,
  PageLimitSchema,
  PageSchema,
  type Equals,
  type Expect,
} from './common';
import type { Page } from '../../src/domain/commitment';

/** A place on the map (WGS-84 degrees): types here, China's extent and six decimals in `locationError`. */
export const GeoLocationSchema = Type.Object(
  { lat: Type.Number(), long: Type.Number() },
  { additionalProperties: false },
);

export const TicketCategorySchema = CodeSchema(TICKET_CATEGORIES);
export const TicketStatusSchema = CodeSchema(TICKET_STATUSES);
const RatingScoreSchema = Type.Unsafe<RatingScore>({
  type: 'integer',
  enum: RATING_SCORES.map((r) => r.score),
});

/**
 * The body of `POST /api/tickets`. The schema checks shapes and types (no coercion: the route compiles it
 * strictly) and caps sizes; `validateTicketInput` then applies the form's rules with its Chinese messages, so
 * category, district and consent are typed here but checked there. Unknown fields (status, ticketNo…) are refused.
 */
export const TicketInputSchema = Type.Object(
  {
    category: Type.Unsafe<TicketCategory>({ type: 'string', maxLength: 50 }),
    content: Type.String({ maxLength: 5000 }),
    district: Type.Unsafe<District>({ type: 'string', maxLength: 50 }),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    location: Type.Optional(GeoLocationSchema),
    commitmentId: Type.Optional(Type.String({ maxLength: 100 })),
    photos: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 10 })),
    anonymous: Type.Boolean(),
    contactName: Type.Optional(Type.String({ maxLength: 100 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    consent: Type.Unsafe<true>({ type: 'boolean' }),
  },
  { additionalProperties: false },
);

export const TicketEventSchema = Type.Object({
  status: TicketStatusSchema,
  note: Type.String(),
  actor: Type.String(),
  createdAt: Type.String(),
});

export const TicketRatingSchema = Type.Object({
  score: RatingScoreSchema,
  comment: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const TicketSummarySchema = Type.Object({
  ticketNo: Type.String(),
  category: TicketCategorySchema,
  content: Type.String(),
  district: Type.Unsafe<District>({ type: 'string' }),
  address: Nullable(Type.String()),
  location: Nullable(GeoLocationSchema),
  commitmentId: Nullable(Type.String()),
  photos: Type.Array(Type.String()),
  anonymous: Type.Boolean(),
  contactName: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  status: TicketStatusSchema,
  createdAt: Type.String(),
  dueAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});

export const TicketSchema = Type.Composite([
  TicketSummarySchema,
  Type.Object({
    events: Type.Array(TicketEventSchema),
    ratings: Type.Array(TicketRatingSchema),
  }),
]);

export const CreatedTicketSchema = Type.Composite([
  TicketSchema,
  Type.Object({ accessToken: Type.String() }),
]);

/** A lowercase or uppercase UUID, as `crypto.randomUUID()` makes. */
export const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const TicketNoParamsSchema = Type.Object({
  ticketNo: Type.String({ minLength: 1, maxLength: 40 }),
});

export const RatingInputSchema = Type.Object(
  {
    score: RatingScoreSchema,
    comment: Type.Optional(Type.String({ maxLength: RATING_LIMITS.commentMax })),
  },
  { additionalProperties: false },
);

export const TicketEventInputSchema = Type.Object(
  {
    status: TicketStatusSchema,
    note: Type.String({ minLength: 1, maxLength: TICKET_EVENT_LIMITS.noteMax }),
  },
  { additionalProperties: false },
);

export const TicketListQuerySchema = Type.Object(
  {
    status: Type.Optional(TicketStatusSchema),
    category: Type.Optional(TicketCategorySchema),
    overdue: Type.Optional(Type.Boolean()),
    limit: PageLimitSchema,
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);

export const TicketPageSchema = PageSchema(TicketSummarySchema);

export type SchemaMatchesDomain = [
  Expect<Equals<Static<typeof GeoLocationSchema>, GeoLocation>>,
  Expect<Equals<Static<typeof TicketInputSchema>, TicketInput>>,
  Expect<Equals<Static<typeof TicketSchema>, Ticket>>,
  Expect<Equals<Static<typeof CreatedTicketSchema>, CreatedTicket>>,
  Expect<Equals<Static<typeof TicketSummarySchema>, TicketSummary>>,
  Expect<Equals<Static<typeof TicketPageSchema>, Page<TicketSummary>>>,
];
