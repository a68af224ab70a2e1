// Reads near the limit (decision 012): GET /api/health and GET /api/commitments?limit=20 from the app as server.ts
// runs it (request log on, to a file), against raw node:http sending the very bytes and headers the app sent, in
// the same run, round by round, each server in a process of its own.
import { combine, load, startApp, startRaw, type LoadResult } from './processes';

export interface PathFigure {
  label: string;
  bytes: number;
  app: LoadResult;
  raw: LoadResult;
}

const PATHS = [
  { label: 'GET /api/health', path: '/api/health' },
  { label: 'GET /api/commitments?limit=20', path: '/api/commitments?limit=20' },
];
/** The headers of the app's answer that the raw server sends too, so that both put the same bytes on the wire. */
const SENT_HEADERS = ['content-type', 'cache-control', 'etag'];

export async function benchRequestPath({
  env,
  log,
  duration,
  connections,
  rounds,
}: {
  /** DATA_DIR or DATABASE_URL, and anything else the app's process needs. */
  env: Record<string, string>;
  /** Where the app's log lines go. */
  log: string;
  duration: number;
  connections: number;
  rounds: number;
}): Promise<PathFigure[]> {
  const app = await startApp(env, log);
  try {
    const figures: PathFigure[] = [];
    for (const { label, path } of PATHS) {
      const answer = await fetch(`${app.url}${path}`);
      const body = Buffer.from(await answer.arrayBuffer());
      const headers = Object.fromEntries(
        SENT_HEADERS.flatMap((name) => {
          const value = answer.headers.get(name);
          return value === null ? [] : [[name, value]];
        }),
      );
      const raw = await startRaw(body, headers);
      try {
        const runs: { app: LoadResult[]; raw: LoadResult[] } = { app: [], raw: [] };
        // Both compiled and warm before the measure, as a server that has run a while is.
        for (const server of [raw, app]) await load(server, path, { connections, duration: 2 });
        for (let round = 0; round < rounds; round += 1) {
          runs.raw.push(await load(raw, path, { connections, duration }));
          runs.app.push(await load(app, path, { connections, duration }));
        }
        figures.push({ label, bytes: body.length, app: combine(runs.app), raw: combine(runs.raw) });
      } finally {
        await raw.stop();
      }
    }
    return figures;
  } finally {
    await app.stop();
  }
}
