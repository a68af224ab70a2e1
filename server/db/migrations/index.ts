import type { Migration } from 'kysely';
import * as commitments from './2026-11-26-01-commitments';
import * as tickets from './2026-11-26-02-tickets';
import * as staff from './2026-11-26-03-staff';
import * as uploadAttachments from './2026-11-27-01-upload-attachments';
import * as updateIdempotency from './2026-11-27-02-update-idempotency';
import * as updateAsOf from './2026-11-30-01-update-as-of';
import * as ticketTallies from './2026-11-30-02-ticket-tallies';
import * as appSettings from './2026-11-30-03-app-settings';
import * as ticketLocationContact from './2026-11-30-05-ticket-location-contact';
import * as apiKeys from './2026-11-30-06-api-keys';
import * as citizens from './2026-11-30-07-citizens';
import * as statusNotices from './2026-11-30-08-status-notices';
import * as ticketFigures from './2026-11-30-09-ticket-figures';
import * as importsAndExports from './2026-11-30-10-imports-and-exports';
import * as commitmentChangeNotices from './2026-11-30-11-commitment-change-notices';
import * as sharedState from './2026-11-30-12-shared-state';
import * as unloggedRateLimits from './2026-11-30-12-unlogged-rate-limits';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-26-01-commitments': commitments,
  '2026-11-26-02-tickets': tickets,
  '2026-11-26-03-staff': staff,
  '2026-11-27-01-upload-attachments': uploadAttachments,
  '2026-11-27-02-update-idempotency': updateIdempotency,
  '2026-11-30-01-update-as-of': updateAsOf,
  '2026-11-30-02-ticket-tallies': ticketTallies,
  '2026-11-30-03-app-settings': appSettings,
  '2026-11-30-05-ticket-location-contact': ticketLocationContact,
  '2026-11-30-06-api-keys': apiKeys,
  '2026-11-30-07-citizens': citizens,
  '2026-11-30-08-status-notices': statusNotices,
  '2026-11-30-09-ticket-figures': ticketFigures,
  '2026-11-30-10-imports-and-exports': importsAndExports,
  '2026-11-30-11-commitment-change-notices': commitmentChangeNotices,
  '2026-11-30-12-shared-state': sharedState,
  '2026-11-30-12-unlogged-rate-limits': unloggedRateLimits,
};
