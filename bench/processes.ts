// Servers under load, each in a process of its own (and the load generator, wrk.ts, in another): the app as
// server.ts runs it, and raw node:http sending given bytes. Their CPU time is read from /proc, so that a figure per
// request can be given beside the throughput (steadier than throughput on a machine shared with other work).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wrk, type WrkOptions } from './wrk';

export interface BenchServer {
  url: string;
  /** CPU time the process has used so far, in ms (0 where /proc is not there). */
  cpuMs(): number;
  /** The same of its main thread alone: the event loop, where every request's JavaScript runs. */
  mainThreadCpuMs(): number;
  stop(): Promise<void>;
}

async function forkServer(script: string, args: string[], env: NodeJS.ProcessEnv, log: string) {
  const out = fs.openSync(log, 'a');
  const child = fork(path.join(__dirname, script), args, {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', out, out, 'ipc'],
  });
  fs.closeSync(out);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { address: string }) => resolve(m.address));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}): see ${log}`)));
  });
  return server(child, url);
}

function server(child: ChildProcess, url: string): BenchServer {
  return {
    url,
    cpuMs: () => cpuMsOf(child.pid!),
    mainThreadCpuMs: () => cpuMsOf(child.pid!, { mainThread: true }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

/** The app as server.ts runs it; its log lines (LOG_LEVEL=info unless `env` says) go to `log`. */
export function startApp(env: Record<string, string>, log: string): Promise<BenchServer> {
  return forkServer('app-server.ts', [], { ...process.env, LOG_LEVEL: 'info', ...env }, log);
}

/** node:http answering every request with these bytes and headers. */
export function startRaw(body: Buffer, headers: Record<string, string>): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-raw-'));
  const file = path.join(dir, 'answer.json');
  fs.writeFileSync(file, JSON.stringify({ body: body.toString('base64'), headers }));
  return forkServer('raw-server.ts', [file], process.env, path.join(dir, 'log'));
}

/** CPU time of process `pid` so far, in ms, or of its main thread alone (whose thread id is the process's). */
export function cpuMsOf(pid: number, { mainThread = false } = {}): number {
  try {
    const file = mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    // utime and stime, in clock ticks (100 a second on Linux), after the command's name in parentheses.
    const fields = fs.readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers of 400 or more. */
  refused: number;
  errors: number;
  /** Server CPU per answered request, in µs (0 where /proc is not there). */
  cpuUs: number;
  /**
   * The share of the load's time the server's main thread was on a core (0 where /proc is not there): near 1, its
   * event loop is what limits; well under, the requests wait on something else (the database, a batch).
   */
  mainThreadBusy: number;
  answered: number;
}

/** Load on `path` of `target` (wrk.ts), and what it cost the server's process. */
export async function load(
  target: BenchServer,
  path: string,
  options: WrkOptions,
): Promise<LoadResult> {
  const before = target.cpuMs();
  const mainThreadBefore = target.mainThreadCpuMs();
  const startedAt = performance.now();
  const result = await wrk(`${target.url}${path}`, options);
  return {
    ...result,
    cpuUs: result.answered > 0 ? ((target.cpuMs() - before) * 1000) / result.answered : 0,
    mainThreadBusy: (target.mainThreadCpuMs() - mainThreadBefore) / (performance.now() - startedAt),
  };
}

/** Rounds of one load as one figure: the mean throughput and CPU, the worst latencies, every refusal. */
export function combine(runs: LoadResult[]): LoadResult {
  const answered = runs.reduce((n, r) => n + r.answered, 0);
  return {
    perSecond: runs.reduce((n, r) => n + r.perSecond, 0) / runs.length,
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    refused: runs.reduce((n, r) => n + r.refused, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    cpuUs: answered > 0 ? runs.reduce((n, r) => n + r.cpuUs * r.answered, 0) / answered : 0,
    mainThreadBusy: runs.reduce((n, r) => n + r.mainThreadBusy, 0) / runs.length,
    answered,
  };
}
