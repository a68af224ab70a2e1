import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, waitFor, type ServerProcess } from '../support/server-process';
import { parseXml, xmlItems } from '../support/xml';
import { fmsReport, formBody } from './open311-fixtures';

jest.setTimeout(120_000);

const ROOT_DIR = path.resolve(__dirname, '../..');

// Open311 over real HTTP, as a deployed client meets it: the server process itself, its limits and its logs.
describe('Open311 on the real server', () => {
  let server: ServerProcess;
  let key: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-open311-'));

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    key = execFileSync('npm', ['run', '-s', 'api-key', '--', 'add', '--name', '12345热线'], {
      cwd: ROOT_DIR,
      env,
      encoding: 'utf8',
    }).trim();
    server = await startServer({ dataDir, env: { LOG_LEVEL: 'info' } });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a form body without a charset, in UTF-8, and answers XML', async () => {
    const res = await fetch(`${server.url}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody(
        fmsReport(key, { media_url: ['https://fms.example/1.jpg', 'https://fms.example/2.jpg'] }),
      ),
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    const [request] = xmlItems(await res.text(), 'request');
    expect(request.service_request_id).toMatch(/^PDS\d{8}-\d{4}$/);
  });

  it('answers a URL listing thousands of ids, as a client sends every open request at once', async () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `PDS20200101-${String(i).padStart(4, '0')}`);
    const url = `${server.url}/open311/v2/requests.xml?service_request_id=${ids.join(',')}&api_key=${key}`;
    expect(url.length).toBeGreaterThan(64 * 1024);
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(parseXml(await res.text()).root).toBe('service_requests');
  });

  it('never redirects: the root without its slash answers too', async () => {
    for (const path of ['/open311/v2', '/open311/v2/', '/open311/v2/services.xml/']) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect([path, res.status]).toEqual([path, 200]);
    }
  });

  it('keeps the api_key out of its log lines', async () => {
    await fetch(`${server.url}/open311/v2/servicerequestupdates.xml?api_key=${key}`);
    // The line is written once the answer has gone, and reaches us through a pipe.
    const line = 'servicerequestupdates.xml?api_key=[Redacted]';
    await waitFor(() => server.output().includes(line), 10_000);
    expect(server.output()).toContain(line);
    expect(server.output()).not.toContain(key);
  });
});
