import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Commitment } from '../src/domain/commitment';
import { beijingDate } from '../src/domain/dates';
import { clientHas, weakEtagOf } from './plugins/app/etag';

/** An answer as it is sent: its bytes, compressed too when that is worth it, and their ETag. */
export interface CachedAnswer {
  body: Buffer;
  /** The same bytes in brotli and gzip, made once for all requests (a phone on 3G takes a third of the bytes). */
  br?: Buffer;
  gzip?: Buffer;
  etag: string;
  /** Where its replies are kept for the front door: those of its stretch of time and data; null when not kept. */
  replies: Map<string, KeptReply> | null;
}

/** An answer as it goes on the wire to one kind of request: what the front door sends again (front-door.ts). */
export interface KeptReply {
  statusCode: 200 | 304;
  headers: Record<string, string>;
  body: Buffer;
}

/** What a kept answer's reply depends on: the URL, the encodings the client takes, and the ETag it has. */
interface ReplyRequest {
  url?: string;
  headers: IncomingHttpHeaders;
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

/** Answers of one stretch of time and data: how many of them are kept, the oldest going first; and their replies. */
const MAX_ANSWERS = 1000;
const MAX_REPLIES = 1000;

interface Stretch {
  /** The moments it is good for, in ms: statuses are those of `from` until `until`. */
  from: number;
  until: number;
  view: Promise<CommitmentsAsOf>;
  answers: Map<string, Promise<CachedAnswer | null>>;
  replies: Map<string, KeptReply>;
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
 *
 * Each reply made of a kept answer (`replyTo`) is kept with it, so that the front door sends it again to the same
 * request without routing it (`keptReply`), and drops it with it.
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
    if (!this.#source.reliable()) return toAnswer(await render(await this.#read(now)), null);
    const stretch = await this.#stretchFor(now);
    let answer = stretch.answers.get(key);
    if (!answer) {
      answer = stretch.view.then(render).then((json) => toAnswer(json, stretch.replies));
      stretch.answers.set(key, answer);
      if (stretch.answers.size > MAX_ANSWERS) {
        stretch.answers.delete(stretch.answers.keys().next().value!);
      }
      answer.catch(() => stretch.answers.delete(key));
    }
    return answer;
  }

  /**
   * The reply to `request` made of `answer`: its bytes as the client takes them (br, gzip or as they are), or a 304
   * when the client has them. Kept for the front door while the answer is.
   */
  replyTo(answer: CachedAnswer, request: ReplyRequest): KeptReply {
    const headers: Record<string, string> = {
      'cache-control': 'no-cache',
      etag: answer.etag,
      vary: 'accept-encoding',
      'content-type': 'application/json; charset=utf-8',
    };
    let reply: KeptReply;
    if (clientHas(request.headers['if-none-match'], answer.etag)) {
      reply = { statusCode: 304, headers, body: Buffer.alloc(0) };
    } else {
      const encoding = acceptedEncoding(request.headers['accept-encoding'], answer);
      if (encoding) headers['content-encoding'] = encoding;
      reply = { statusCode: 200, headers, body: encoding ? answer[encoding]! : answer.body };
    }
    // What Fastify adds to a reply of bytes, 0 for a 304 included: the front door sends these headers as they are.
    headers['content-length'] = String(reply.body.length);
    // Into the answer's stretch: one dropped meanwhile (a write told, the notices lost) is never looked at again.
    const replies = answer.replies;
    if (replies) {
      replies.set(replyKey(request), reply);
      if (replies.size > MAX_REPLIES) replies.delete(replies.keys().next().value!);
    }
    return reply;
  }

  /**
   * The reply kept for `request` at `now`, or undefined: none was made, or what it was made of is no longer good
   * (a write was told, a status changed with the clock, PostgreSQL's notices are down). Synchronous, for the front
   * door: it answers before anything else runs.
   */
  keptReply(request: ReplyRequest, now: Date): KeptReply | undefined {
    const stretch = this.#current;
    if (!stretch || !this.#source.reliable()) return undefined;
    // A reply is kept only once the stretch is read, and so its end known.
    const at = now.getTime();
    if (at < stretch.from || at >= stretch.until) return undefined;
    return stretch.replies.get(replyKey(request));
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
      replies: new Map(),
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

function toAnswer(json: Json | null, replies: Map<string, KeptReply> | null): CachedAnswer | null {
  if (json === null) return null;
  const body =
    typeof json === 'string' ? Buffer.from(json) : Buffer.isBuffer(json) ? json : Buffer.from(json);
  // The form the other answers get (plugins/app/etag.ts); weak, so one for every encoding of the same JSON.
  const etag = weakEtagOf(body);
  if (body.length < COMPRESS_FROM) return { body, etag, replies };
  const br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } });
  return { body, br, gzip: gzipSync(body, { level: 6 }), etag, replies };
}

/** Requests that get the same reply of a kept answer: the same URL, Accept-Encoding and If-None-Match. */
function replyKey({ url, headers }: ReplyRequest): string {
  return `${url}\n${headers['accept-encoding'] ?? ''}\n${headers['if-none-match'] ?? ''}`;
}

/** br or gzip when the client takes it (not refused with q=0) and the answer has it; null: as it is. */
function acceptedEncoding(
  accepted: string | undefined,
  answer: CachedAnswer,
): 'br' | 'gzip' | null {
  if (!accepted) return null;
  const taken = new Set(
    accepted
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (answer.br && taken.has('br')) return 'br';
  if (answer.gzip && taken.has('gzip')) return 'gzip';
  return null;
}

/** Smaller answers go as they are: compressing them saves less than a packet. */
const COMPRESS_FROM = 1024;

const DAY_MS = 24 * 3600 * 1000;

/** The first moment of the next day in Beijing. */
export function nextBeijingMidnight(now: Date): number {
  return Date.parse(`${beijingDate(now)}T00:00:00+08:00`) + DAY_MS;
}
