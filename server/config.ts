import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const DEFAULT_H5_DIR = './dist/h5';

/** Environment variables the server reads, checked once at boot. Nothing else in server/ reads process.env. */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  DATA_DIR: Type.String({ minLength: 1, default: './.data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  H5_DIR: Type.String({ minLength: 1, default: DEFAULT_H5_DIR }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  TICKET_RATE_LIMIT: Type.Integer({ minimum: 1, default: 10 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  h5Dir: string;
  logLevel: string;
  /** New requests one client may file per minute. */
  ticketRateLimit: number;
  /** Read the client's address from X-Forwarded-For: only behind a proxy that sets it, or anyone could fake it. */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  }
  const parsed = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  if (!Value.Check(EnvSchema, parsed)) {
    const problems = [...Value.Errors(EnvSchema, parsed)].map(
      (e) => `${e.path.slice(1)}: ${e.message}`,
    );
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const env_: Static<typeof EnvSchema> = parsed;
  return {
    port: env_.PORT,
    host: env_.HOST,
    dataDir: path.resolve(env_.DATA_DIR),
    databaseUrl: env_.DATABASE_URL,
    h5Dir: path.resolve(env_.H5_DIR),
    logLevel: env_.LOG_LEVEL,
    ticketRateLimit: env_.TICKET_RATE_LIMIT,
    trustProxy: env_.TRUST_PROXY,
  };
}

/** Where the H5 build lives, resolved as loadConfig does: the build script needs only this one setting. */
export function loadH5Dir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.H5_DIR || DEFAULT_H5_DIR);
}
