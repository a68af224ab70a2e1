import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The site configuration deploy/ ships: the cluster test runs it as it is, but for ports and directories. */
export const NGINX_SITE = path.join(ROOT, 'deploy/nginx/minsheng.conf');
export const NGINX_BINARY = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) =>
  fs.existsSync(file),
);
export const NGINX_INSTALL = 'apt-get update && apt-get install -y nginx';

export interface Nginx {
  url: string;
  port: number;
  errors(): string;
  stop(): Promise<void>;
}

/**
 * The shipped site as a test runs it: upstream servers on `upstreamPorts`, listening on 127.0.0.1:`port`, the H5
 * build from `h5Dir`; every file nginx writes (pid, logs, temporary bodies) under a directory of its own.
 */
export function siteForTest(
  site: string,
  { upstreamPorts, port, h5Dir }: { upstreamPorts: number[]; port: number; h5Dir: string },
): string {
  const servers = upstreamPorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`)
    .join('\n');
  const replaced = site
    .replace(/(upstream minsheng \{\n)(?: {4}server [^\n]*\n)+/, `$1${servers}\n`)
    .replace(/ {4}listen 80;\n {4}listen \[::\]:80;\n/, `    listen 127.0.0.1:${port};\n`)
    .replace(/ {4}root [^;]+;/, `    root ${h5Dir};`);
  for (const expected of [servers, `listen 127.0.0.1:${port};`, `root ${h5Dir};`]) {
    if (!replaced.includes(expected)) throw new Error(`deploy/nginx/minsheng.conf: no ${expected}`);
  }
  return replaced;
}

async function waitForPort(port: number, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output()}`);
    const up = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/health' }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${output()}`);
}

/** Debian's nginx with the shipped site, in the foreground, on loopback: never the system's service. */
export async function startNginx(options: {
  upstreamPorts: number[];
  port: number;
  h5Dir: string;
}): Promise<Nginx> {
  if (!NGINX_BINARY) throw new Error(`nginx is not installed: ${NGINX_INSTALL}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-nginx-'));
  const site = siteForTest(fs.readFileSync(NGINX_SITE, 'utf8'), options);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${path.join(dir, kind)};`)
    .join('\n');
  const conf = [
    // Workers as root when the test is root: they read the build where the repository is.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    temp,
    site,
    '}',
  ].join('\n');
  const confFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(confFile, conf);
  const child = spawn(
    NGINX_BINARY,
    ['-p', dir, '-c', confFile, '-e', path.join(dir, 'error.log')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const errors = () => {
    const log = path.join(dir, 'error.log');
    return output + (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
  };
  await waitForPort(options.port, child, errors);
  return {
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    errors,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        // SIGQUIT: finish what is in flight, then stop.
        child.kill('SIGQUIT');
      }),
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
}

/**
 * One client of the cluster: requests from its own loopback address (127.0.0.x), with a keep-alive connection of
 * its own, as a phone would make them. Network failures reject, as fetch's do.
 */
export function clientAt(localAddress: string, port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4, localAddress });
  const request = (
    method: string,
    url: string,
    { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer } = {},
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method, path: url, agent, headers, timeout: 20_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const all = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: all,
              json: () => JSON.parse(all.toString('utf8')),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end(body);
    });
  return {
    address: localAddress,
    get: (url: string, headers?: Record<string, string>) => request('GET', url, { headers }),
    postJson: (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      request('POST', url, {
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(payload),
      }),
    post: (url: string, body: Buffer, headers: Record<string, string>) =>
      request('POST', url, { headers, body }),
    close: () => agent.destroy(),
  };
}

export type Client = ReturnType<typeof clientAt>;
