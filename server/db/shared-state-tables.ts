/** Row types of what many server processes share (migration 2026-11-30-12, decision 016). */

/** A photo's bytes, when photos are kept in PostgreSQL (DATABASE_URL); SQLite keeps them as files. */
export interface UploadBlobsTable {
  name: string;
  data: Buffer;
}

/** Bytes of photos one client (an address) uploaded on one Beijing day: the daily quota. Kept two days. */
export interface UploadUsageTable {
  client: string;
  day: string;
  bytes: number;
}

/** @fastify/rate-limit's counters on PostgreSQL: requests of one key (route and client) until `resets_at` (ms). */
export interface RateLimitsTable {
  key: string;
  count: number;
  resets_at: number;
}

/** When each background job last ran, across processes: an hourly job runs once an hour, not once per process. */
export interface HousekeepingRunsTable {
  job: string;
  ran_at: string;
}
