import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app';

/** What a test reads of an answer: the fields of `app.inject`'s that the tests use. */
export type Answer = Pick<
  LightMyRequestResponse,
  'statusCode' | 'headers' | 'body' | 'rawPayload' | 'json'
>;

/**
 * A GET over a real connection, through the server's front door (server/front-door.ts), which `app.inject` never
 * reaches. The app listens on a free port the first time.
 */
export async function getOverHttp(
  app: TestApp,
  url: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: url, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const rawPayload = Buffer.concat(chunks);
        const body = rawPayload.toString();
        resolve({
          statusCode: response.statusCode!,
          headers: response.headers,
          body,
          rawPayload,
          json: () => JSON.parse(body),
        });
      });
    });
    request.on('error', reject);
  });
}
