import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Commitment } from '../src/domain/commitment';
import { beijingDate } from '../src/domain/dates';

/** An answer as it is sent: its bytes, compressed too when that is worth it, and their ETag. */
export interface CachedAnswer {
  body: Buffer;
  /** The same bytes in brotli and gzip, made once for all requests (a phone on 3G takes a third of the bytes). */
  br?: Buffer;
  gzip?: Buffer;
  etag: string;
}

/** JSON as Fastify's serializers give it. */
type Json = string | Buffer | ArrayBuffer;

/** The commitments as of a moment: what every answer is made from. */
export interface CommitmentsAsOf {
  commitments: Commitment[];
  byId: ReadonlyMap<string, Commitment>;
}

export interface CommitmentCacheSource {
  /** Every commitment as of `now`, and the first moment after it at which a status changes with time alone. */
  load(now: Date): Promise<{ commitments: Commitment[]; statusesChangeAt: Date | null }>;
  /** Whether every write is told now (`invalidate`); while it is not, nothing is kept. */
  reliable(): boolean;
}

/** Answers of one stretch of time and data: how many of them are kept, the oldest going first. */
const MAX_ANSWERS = 1000;

interface Stretch {
  /** The moments it is good for, in ms: statuses are those of `from` until `until`. */
  from: number;
  until: number;
  view: Promise<CommitmentsAsOf>;
  answers: Map<string, Promise<CachedAnswer | null>>;
}

/**
 * The commitments' answers (the list pages, each commitment with its timeline) kept as the bytes sent and their
 * ETag (decision 012). What they are made from is read once, and kept:
 *
 * - until a write to the commitments or their updates is told (`invalidate`: by this process's triggers on SQLite,
 *   by a notice from PostgreSQL in every process, and by the route that wrote, at once);
 * - until the first moment a status changes with time alone (a promise falling behind, a deadline passing), and
 *   never past midnight in Beijing, so that no answer keeps yesterday's status;
 * - never while writes may go untold (`reliable()` false: PostgreSQL's listening connection is down).
 *
 * An answer being made when a write is told is given to the requests that were waiting for it (they came before
 * the write was known) and then dropped.
 */
export class CommitmentCache {
  readonly #source: CommitmentCacheSource;
  #current: Stretch | null = null;

  constructor(source: CommitmentCacheSource) {
    this.#source = source;
  }

  /** Drops everything kept: the next request reads the database again. */
  invalidate(): void {
    this.#current = null;
  }

  /**
   * The answer kept under `key` for `now`, made by `render` (the JSON text to send, or null for "no such thing")
   * from the commitments as of `now` when there is none.
   */
  async answer(
    key: string,
    now: Date,
    render: (view: CommitmentsAsOf) => Promise<Json | null>,
  ): Promise<CachedAnswer | null> {
    if (!this.#source.reliable()) return toAnswer(await render(await this.#read(now)));
    const stretch = await this.#stretchFor(now);
    let answer = stretch.answers.get(key);
    if (!answer) {
      answer = stretch.view.then(render).then(toAnswer);
      stretch.answers.set(key, answer);
      if (stretch.answers.size > MAX_ANSWERS) {
        stretch.answers.delete(stretch.answers.keys().next().value!);
      }
      answer.catch(() => stretch.answers.delete(key));
    }
    return answer;
  }

  async #stretchFor(now: Date): Promise<Stretch> {
    const at = now.getTime();
    const current = this.#current;
    if (current && at >= current.from) {
      // Its end is known once it is read: a request that came meanwhile checks it then.
      await current.view;
      if (at < current.until) return current;
      if (this.#current !== current) return this.#stretchFor(now);
    }
    const stretch: Stretch = {
      from: at,
      until: Infinity,
      view: this.#read(now).then((view) => {
        stretch.until = Math.min(view.until, nextBeijingMidnight(now));
        return view;
      }),
      answers: new Map(),
    };
    this.#current = stretch;
    stretch.view.catch(() => {
      if (this.#current === stretch) this.#current = null;
    });
    await stretch.view;
    return stretch;
  }

  async #read(now: Date): Promise<CommitmentsAsOf & { until: number }> {
    const { commitments, statusesChangeAt } = await this.#source.load(now);
    return {
      commitments,
      byId: new Map(commitments.map((c) => [c.id, c])),
      until: statusesChangeAt?.getTime() ?? Infinity,
    };
  }
}

function toAnswer(json: Json | null): CachedAnswer | null {
  if (json === null) return null;
  const body =
    typeof json === 'string' ? Buffer.from(json) : Buffer.isBuffer(json) ? json : Buffer.from(json);
  // The form @fastify/etag gives the other answers; weak, so one for every encoding of the same JSON.
  const etag = `W/"${createHash('sha1').update(body).digest('base64')}"`;
  if (body.length < COMPRESS_FROM) return { body, etag };
  const br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } });
  return { body, br, gzip: gzipSync(body, { level: 6 }), etag };
}

/** Smaller answers go as they are: compressing them saves less than a packet. */
const COMPRESS_FROM = 1024;

const DAY_MS = 24 * 3600 * 1000;

/** The first moment of the next day in Beijing. */
export function nextBeijingMidnight(now: Date): number {
  return Date.parse(`${beijingDate(now)}T00:00:00+08:00`) + DAY_MS;
}
