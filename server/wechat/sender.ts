import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { requestDetailPath } from '../../src/app-paths';
import type { WechatConfig } from '../config';
import type { Database } from '../db/tables';
import {
  claimDueNotices,
  expireLapsedClaims,
  recordNoticeOutcome,
  type ClaimedNotice,
  type NoticeOutcome,
} from '../repositories/status-notice-delivery';
import type { SendResult, WechatClient } from './client';
import { statusMessageData } from './template-data';

/**
 * Delivers the status notices of the outbox. Every process runs one; they share the work through claims in the
 * database (status-notice-delivery.ts), so each notice is sent by one process, once. A notice WeChat did not take
 * is tried again later, the wait doubling from 5 s to 10 min, for a day; one it will never take stops at once.
 */
export const RETRY = { firstMs: 5_000, maxMs: 10 * 60_000, giveUpAfterMs: 24 * 3600_000 } as const;
/** How long a claim holds: longer than the two calls a try may make (each times out after 10 s). */
export const CLAIM_LEASE_MS = 60_000;
const BATCH = 20;
const MAX_BATCHES_PER_RUN = 10;

/** The wait before try `attempts + 1`. */
export function retryDelay(attempts: number): number {
  return Math.min(RETRY.firstMs * 2 ** Math.max(0, attempts - 1), RETRY.maxMs);
}

export interface DeliveryRun {
  sent: number;
  retrying: number;
  givenUp: number;
}

export interface NoticeSenderOptions {
  db: Kysely<Database>;
  client: WechatClient;
  config: WechatConfig;
  now: () => Date;
  log: FastifyBaseLogger;
  /** PostgreSQL: claim with FOR UPDATE SKIP LOCKED. */
  skipLocked: boolean;
}

export type NoticeSender = ReturnType<typeof createNoticeSender>;

export function createNoticeSender({
  db,
  client,
  config,
  now,
  log,
  skipLocked,
}: NoticeSenderOptions) {
  let running: Promise<DeliveryRun> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  function outcomeOf(result: SendResult, notice: ClaimedNotice, at: Date): NoticeOutcome {
    switch (result.kind) {
      case 'sent':
        return { state: 'sent' };
      case 'rejected':
        log.warn(
          { ticketNo: notice.ticketNo, errcode: result.errcode, errmsg: result.errmsg },
          'status notice refused by WeChat: not sent again',
        );
        return {
          state: result.errcode === 43101 ? 'refused' : 'failed',
          error: `errcode ${result.errcode}`,
        };
      case 'unknown':
        log.warn(
          { ticketNo: notice.ticketNo, reason: result.reason },
          'status notice may or may not have reached WeChat: not sent again',
        );
        return { state: 'unknown', error: result.reason };
      case 'retry': {
        if (at.getTime() - Date.parse(notice.createdAt) >= RETRY.giveUpAfterMs) {
          log.warn({ ticketNo: notice.ticketNo, reason: result.reason }, 'status notice given up');
          return { state: 'failed', error: `gave up: ${result.reason}` };
        }
        const retryAt = new Date(at.getTime() + retryDelay(notice.attempts));
        return { state: 'pending', retryAt, error: result.reason };
      }
    }
  }

  async function deliver(notice: ClaimedNotice): Promise<NoticeOutcome['state']> {
    const result = await client.sendSubscribeMessage({
      touser: notice.openid,
      template_id: notice.templateId,
      page: requestDetailPath(notice.ticketNo).replace(/^\//, ''),
      miniprogram_state: config.miniprogramState,
      lang: 'zh_CN',
      data: statusMessageData(config.statusFields, {
        ticketNo: notice.ticketNo,
        status: notice.status,
        at: new Date(notice.movedAt),
        note: notice.note,
      }),
    });
    const at = now();
    const outcome = outcomeOf(result, notice, at);
    if (!(await recordNoticeOutcome(db, { notice, outcome, now: at }))) {
      log.warn({ ticketNo: notice.ticketNo }, 'status notice claim lapsed before its outcome');
    }
    return outcome.state;
  }

  async function run(): Promise<DeliveryRun> {
    const summary: DeliveryRun = { sent: 0, retrying: 0, givenUp: 0 };
    for (const ticketNo of await expireLapsedClaims(db, { now: now() })) {
      log.warn({ ticketNo }, 'status notice interrupted while sending: not sent again');
      summary.givenUp++;
    }
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const claimed = await claimDueNotices(db, {
        now: now(),
        limit: BATCH,
        leaseMs: CLAIM_LEASE_MS,
        skipLocked,
      });
      for (const notice of claimed) {
        const state = await deliver(notice);
        if (state === 'sent') summary.sent++;
        else if (state === 'pending') summary.retrying++;
        else summary.givenUp++;
      }
      if (claimed.length < BATCH) break;
    }
    return summary;
  }

  /** Sends what is due now; a call while a run is going waits for it, then runs again. */
  async function deliverDue(): Promise<DeliveryRun> {
    while (running) await running.catch(() => undefined);
    running = run().finally(() => {
      running = null;
    });
    return running;
  }

  function tick() {
    if (running) return;
    deliverDue().catch((error: unknown) => log.warn({ err: error }, 'status notices: run failed'));
  }

  return {
    deliverDue,
    /** Looks for due notices every `pollMs` until stopped. */
    start(pollMs: number) {
      timer ??= setInterval(tick, pollMs);
      timer.unref();
      tick();
    },
    /** Stops polling, and waits for a run in progress to record what it sent. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      while (running) await running.catch(() => undefined);
    },
  };
}
