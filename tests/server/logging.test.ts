import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { loggerOptions } from '../../server/logging';
import { startServer } from '../support/server-process';
import { createLoggedApp } from '../support/test-app';

/** A logger as the server makes it, writing each line to `lines`. */
function logger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: Fastify({ logger: loggerOptions('info', stream) }).log, lines };
}

describe('log lines', () => {
  it('censors a phone or a WeChat identity one level down, and leaves the logged object as it was', () => {
    const { log, lines } = logger();
    const ticket = {
      ticketNo: '20201120-0001',
      phone: '13698765432',
      contact: { phone: 'deeper' },
    };
    const citizen = { openid: 'o-abc', session_key: 'k', name: '王' };
    log.info({ ticket, citizen, count: 3 }, 'filed');
    expect(lines[0]).toMatchObject({
      ticket: { ticketNo: '20201120-0001', phone: '[Redacted]', contact: { phone: 'deeper' } },
      citizen: { openid: '[Redacted]', session_key: '[Redacted]', name: '王' },
      count: 3,
      msg: 'filed',
    });
    expect(ticket.phone).toBe('13698765432');
    expect(citizen.openid).toBe('o-abc');
  });

  it('keeps an error an error: its message and stack, its phone censored', () => {
    const { log, lines } = logger();
    const err = Object.assign(new Error('boom'), { phone: '13698765432' });
    log.error({ err }, 'request failed');
    expect(lines[0].err).toMatchObject({ type: 'Error', message: 'boom', phone: '[Redacted]' });
    expect(String((lines[0].err as { stack: string }).stack)).toContain('boom');
  });

  it('writes one line a request, with what Fastify wrote in two', async () => {
    const { app, lines, destroy } = await createLoggedApp();
    try {
      await app.inject({
        url: '/api/health?api_key=secret-key',
        remoteAddress: '203.0.113.7',
        headers: { authorization: 'Bearer secret-session', 'x-ticket-token': 'secret-token' },
      });
      const line = lines.map((l) => JSON.parse(l)).filter((l) => l.url?.startsWith('/api/health'));
      expect(line).toEqual([
        expect.objectContaining({
          msg: 'request completed',
          reqId: expect.any(String),
          method: 'GET',
          url: '/api/health?api_key=[Redacted]',
          remoteAddress: '203.0.113.7',
          statusCode: 200,
          ms: expect.any(Number),
        }),
      ]);
      // At LOG_LEVEL=trace (the test's), "incoming request" too.
      expect(lines.filter((l) => l.includes('incoming request'))).toHaveLength(1);
      expect(lines.join('')).not.toMatch(/secret-(key|session|token)/);
    } finally {
      await destroy();
    }
  });

  it('reaches standard output from the server process, its last lines at exit', async () => {
    // The server writes its lines in pieces (logDestination): a stop straight after requests still has them all.
    const server = await startServer({ env: { LOG_LEVEL: 'info' } });
    const commitments = `${server.url}/api/commitments?limit=20`;
    // The second is answered by the front door, from the kept reply.
    for (const url of [`${server.url}/api/health`, commitments, commitments]) {
      expect((await fetch(url)).status).toBe(200);
    }
    await server.stop('SIGTERM');
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.url)).toEqual(
      expect.arrayContaining(['/api/health', '/api/commitments?limit=20']),
    );
    expect(lines.filter((l) => l.replayed === true)).toHaveLength(1);
    expect(lines[lines.length - 1]).toMatchObject({ msg: 'closing', signal: 'SIGTERM' });
  });
});
