// The baseline: node:http alone, answering every request with the bytes and headers it is given (argv: port 0, a
// JSON file of { body (base64), headers }). No framework, no logging: what this machine's loopback allows.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const { body, headers } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as {
  body: string;
  headers: Record<string, string>;
};
const bytes = Buffer.from(body, 'base64');
const server = http.createServer((_request, response) => {
  response.writeHead(200, { ...headers, 'content-length': bytes.length });
  response.end(bytes);
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ address: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on('message', () => server.close(() => process.exit(0)));
