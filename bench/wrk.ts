// The load generator: Debian's wrk, one thread written in C, driven by a Lua script that sets the requests and
// prints its figures as JSON. autocannon (JavaScript) took about 0.3 ms of these two cores a request: as much as a
// filed request costs the server, and enough to cap raw node:http at 12,000 to 15,000 a second (decision 012).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { installDebianPackages } from '../tests/support/debian-packages';

const WRK = '/usr/bin/wrk';
const INSTALL = 'apt-get update && apt-get install -y wrk';

/** Installs Debian's wrk when it is missing (as root), or stops with the command to run. */
export function ensureWrk(): void {
  if (fs.existsSync(WRK)) return;
  if (process.getuid?.() !== 0) {
    console.error(`The bench needs Debian's wrk: ${INSTALL}`);
    process.exit(1);
  }
  installDebianPackages(['wrk']);
}

export interface WrkOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Each request with an Idempotency-Key of its own (a UUID), so that each files a new request. */
  freshIdempotencyKeys?: boolean;
  /**
   * Each connection's first request held until all are open (HOLD_SECONDS, then `duration` of load), so that the
   * latencies are the load's and not the connections' opening. Node takes in one new connection a turn of its event
   * loop: opened into a busy server, the k-th connection's first request waits k turns, and wrk's correction for
   * coordinated omission counts each such wait many times over (decision 011). A city's nginx keeps its
   * connections to the server open.
   */
  holdFirstRequests?: boolean;
}

/** How long each connection's first request waits with `holdFirstRequests`: every connection is open by then. */
const HOLD_SECONDS = 1;

export interface WrkResult {
  perSecond: number;
  /** Latencies in ms. */
  p50: number;
  p99: number;
  /** Answers of 400 or more (wrk counts those, not other non-2xx). */
  refused: number;
  /** Connections that failed, reads and writes that failed, timeouts. */
  errors: number;
  answered: number;
}

/** A string as Lua reads it: JSON's escapes are Lua's for what our bodies hold (quotes, backslashes, UTF-8). */
const lua = JSON.stringify;

/** The Lua script for `options`: the request, and a `done` that prints the figures as one line of JSON. */
function script(options: WrkOptions): string {
  const headers = Object.entries(options.headers ?? {})
    .map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`)
    .join('\n');
  // A prefix of this run's and a counter: a UUID no request of this run or another has had.
  const prefix = randomBytes(10).toString('hex');
  const fresh = `
local prefix, n = ${lua(prefix)}, 0
request = function()
  n = n + 1
  wrk.headers["idempotency-key"] = string.format("%s-%s-4%s-8%s-%s%010x",
    prefix:sub(1, 8), prefix:sub(9, 12), prefix:sub(13, 15), prefix:sub(16, 18), prefix:sub(19, 20), n)
  return wrk.format()
end`;
  return `
wrk.method = ${lua(options.method ?? 'GET')}
${options.body === undefined ? '' : `wrk.body = ${lua(options.body)}`}
${headers}
${options.freshIdempotencyKeys ? fresh : ''}
${options.holdFirstRequests ? hold(options.connections) : ''}
done = function(summary, latency)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"us":%d,"p50":%d,"p99":%d,"refused":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
`;
}

/** wrk asks `delay` before each request: the first of each connection (the first `connections` asked) waits. */
const hold = (connections: number) => `
local asked = 0
delay = function()
  asked = asked + 1
  return asked <= ${connections} and ${HOLD_SECONDS * 1000} or 0
end`;

/** `url` under load for `duration` seconds with `connections` kept open. */
export async function wrk(url: string, options: WrkOptions): Promise<WrkResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-wrk-'));
  const file = path.join(dir, 'load.lua');
  fs.writeFileSync(file, script(options));
  const held = options.holdFirstRequests ? HOLD_SECONDS : 0;
  try {
    const { stdout } = await promisify(execFile)(WRK, [
      '--threads=1',
      `--connections=${options.connections}`,
      `--duration=${options.duration + held}s`,
      '--timeout=30s',
      `--script=${file}`,
      url,
    ]);
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      requests: number;
      us: number;
      p50: number;
      p99: number;
      refused: number;
      errors: number;
    };
    const ms = (us: number) => Math.round(us / 100) / 10;
    return {
      perSecond: figures.requests / (figures.us / 1e6 - held),
      p50: ms(figures.p50),
      p99: ms(figures.p99),
      refused: figures.refused,
      errors: figures.errors,
      answered: figures.requests,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
