import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Output so far, for a failing test's message. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartServerOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}

/** The real server (server/server.ts) as its own process, on a free port, serving the real H5 build. */
export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`server did not start in 30 s:\n${output}`);
  }

  return {
    url,
    port,
    dataDir,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** A filed request, as its filer's phone keeps it. */
export interface FiledRequest {
  ticketNo: string;
  accessToken: string;
  createdAt: string;
}

/**
 * Files a request through the API, as a phone's app does: a streetlight out in 新华区, anonymous, unless `body` says
 * otherwise. Throws unless it is answered 201.
 */
export async function fileRequest(
  server: ServerProcess,
  body: Record<string, unknown> = {},
): Promise<FiledRequest> {
  const res = await fetch(`${server.url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      category: 'municipal',
      content: '建设路和中兴路交叉口东边第三根路灯，连续一周晚上不亮',
      district: '新华区',
      address: '建设路与中兴路交叉口',
      anonymous: true,
      consent: true,
      ...body,
    }),
  });
  if (res.status !== 201) throw new Error(`filing a request: ${res.status} ${await res.text()}`);
  return (await res.json()) as FiledRequest;
}

/** Waits until `done()` holds, checking every 100 ms, for at most `ms`. */
export async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}
