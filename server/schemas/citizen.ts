import { Type, type Static } from '@sinclair/typebox';
import {
  NOTIFICATION_STATES,
  type CitizenSession,
  type CitizenSessionInput,
  type CitizenTicketSummary,
  type LookupInput,
  type SubscriptionInput,
  type TicketNotifications,
} from '../../src/domain/citizen';
import type { Page } from '../../src/domain/commitment';
import { CodeSchema, Nullable, PageLimitSchema, PageSchema } from './common';
import type { Equals, Expect } from './common';
import { TicketCategorySchema, TicketStatusSchema } from './tickets';

/** `POST /api/citizen/session`. The parser (`parseCitizenSessionInput`) says what is wrong, in Chinese. */
export const CitizenSessionInputSchema = Type.Object(
  { code: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

export const CitizenSessionSchema = Type.Object({
  token: Type.String(),
  expiresAt: Type.String(),
  statusTemplateId: Nullable(Type.String()),
});

export const CitizenTicketSummarySchema = Type.Object({
  ticketNo: Type.String(),
  status: TicketStatusSchema,
  category: TicketCategorySchema,
  content: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  dueAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});

export const CitizenTicketPageSchema = PageSchema(CitizenTicketSummarySchema);

export const CitizenTicketsQuerySchema = Type.Object(
  {
    limit: PageLimitSchema,
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);

export const LookupInputSchema = Type.Object(
  { ticketNo: Type.String({ maxLength: 40 }), phone: Type.String({ maxLength: 30 }) },
  { additionalProperties: false },
);

export const LookupResultSchema = Type.Object({ accessToken: Type.String() });

export const SubscriptionInputSchema = Type.Object(
  { templateId: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

export const SubscriptionResultSchema = Type.Object({
  ticketNo: Type.String(),
  /** Grants of this citizen now waiting for the request's next moves. */
  waiting: Type.Integer(),
});

export const TicketNotificationsSchema = Type.Object({
  waitingGrants: Type.Integer(),
  items: Type.Array(
    Type.Object({
      status: TicketStatusSchema,
      note: Type.String(),
      state: CodeSchema(NOTIFICATION_STATES),
      queuedAt: Type.String(),
      sentAt: Nullable(Type.String()),
    }),
  ),
});

export type SchemaMatchesDomain = [
  Expect<Equals<Static<typeof CitizenSessionInputSchema>, CitizenSessionInput>>,
  Expect<Equals<Static<typeof CitizenSessionSchema>, CitizenSession>>,
  Expect<Equals<Static<typeof CitizenTicketPageSchema>, Page<CitizenTicketSummary>>>,
  Expect<Equals<Static<typeof LookupInputSchema>, LookupInput>>,
  Expect<Equals<Static<typeof SubscriptionInputSchema>, SubscriptionInput>>,
  Expect<Equals<Static<typeof TicketNotificationsSchema>, TicketNotifications>>,
];
