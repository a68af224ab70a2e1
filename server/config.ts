import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';
import {
  DEFAULT_STATUS_FIELDS,
  parseStatusFields,
  type StatusFields,
} from './wechat/template-data';

const DEFAULT_H5_DIR = './dist/h5';
const MIB = 1024 * 1024;

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
  OPEN311_RATE_LIMIT: Type.Integer({ minimum: 1, default: 120 }),
  TRUST_PROXY: Type.Optional(Type.String()),
  UPLOAD_BYTES_PER_DAY: Type.Integer({ minimum: 1, default: 100 * MIB }),
  UPLOAD_STORAGE_MAX_BYTES: Type.Integer({ minimum: 1, default: 50 * 1024 * MIB }),
  DISK_FREE_MIN_BYTES: Type.Integer({ minimum: 0, default: 1024 * MIB }),
  WECHAT_APP_ID: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_APP_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_API_BASE: Type.String({ pattern: '^https?://', default: 'https://api.weixin.qq.com' }),
  WECHAT_TEMPLATE_STATUS: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_TEMPLATE_STATUS_FIELDS: Type.String({ default: DEFAULT_STATUS_FIELDS }),
  WECHAT_MINIPROGRAM_STATE: Type.Union(
    ['formal', 'trial', 'developer'].map((s) => Type.Literal(s)),
    { default: 'formal' },
  ),
});

/** The mini-program's WeChat settings: citizens' sign-in, and status notices when a template is set. */
export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** WeChat's API host, or a stand-in's (tests, trying it out). */
  apiBase: string;
  /** The subscribe-message template of status notices; null: citizens sign in, nobody is notified. */
  statusTemplate: string | null;
  /** Which key of that template carries the ticket number, the status, the time and the note. */
  statusFields: StatusFields;
  /** Which version of the mini-program a notice opens. */
  miniprogramState: 'formal' | 'trial' | 'developer';
}

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  h5Dir: string;
  logLevel: string;
  /** New requests one client may file per minute. */
  ticketRateLimit: number;
  /** Open311 calls one system (one API key) may make per minute. */
  open311RateLimit: number;
  /** Whose X-Forwarded-For to believe: the proxies' addresses or their count, never everyone (trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** The guards of photo storage (uploads.ts): what one client may upload a day, and when storage counts as full. */
  uploads: UploadLimits;
  /** Set when WECHAT_APP_ID and WECHAT_APP_SECRET are; without them citizens stay anonymous (H5, local use). */
  wechat?: WechatConfig;
}

export interface UploadLimits {
  /** Bytes of photos one client (an address) may upload a Beijing day. */
  bytesPerDay: number;
  /** PostgreSQL: new photos are refused once the photos' table takes this much. */
  storageMaxBytes: number;
  /** SQLite (photos as files): new photos are refused once the disk under DATA_DIR has less than this free. */
  diskFreeMinBytes: number;
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
  const trustProxy = parseTrustProxy(env_.TRUST_PROXY);
  if (trustProxy !== false && !Array.isArray(trustProxy) && typeof trustProxy !== 'number') {
    throw new ConfigError(`Invalid environment: TRUST_PROXY: ${trustProxy.error}`);
  }
  const wechat = wechatOf(env_);
  return {
    port: env_.PORT,
    host: env_.HOST,
    dataDir: path.resolve(env_.DATA_DIR),
    databaseUrl: env_.DATABASE_URL,
    h5Dir: path.resolve(env_.H5_DIR),
    logLevel: env_.LOG_LEVEL,
    ticketRateLimit: env_.TICKET_RATE_LIMIT,
    open311RateLimit: env_.OPEN311_RATE_LIMIT,
    trustProxy,
    uploads: {
      bytesPerDay: env_.UPLOAD_BYTES_PER_DAY,
      storageMaxBytes: env_.UPLOAD_STORAGE_MAX_BYTES,
      diskFreeMinBytes: env_.DISK_FREE_MIN_BYTES,
    },
    ...(wechat && { wechat }),
  };
}

function wechatOf(env: Static<typeof EnvSchema>): WechatConfig | undefined {
  const { WECHAT_APP_ID: appId, WECHAT_APP_SECRET: appSecret } = env;
  if (!appId !== !appSecret) {
    throw new ConfigError(
      'Invalid environment: set both WECHAT_APP_ID and WECHAT_APP_SECRET, or neither',
    );
  }
  const statusFields = parseStatusFields(env.WECHAT_TEMPLATE_STATUS_FIELDS);
  if ('error' in statusFields) {
    throw new ConfigError(
      `Invalid environment: WECHAT_TEMPLATE_STATUS_FIELDS: ${statusFields.error}`,
    );
  }
  if (!appId || !appSecret) return undefined;
  return {
    appId,
    appSecret,
    apiBase: env.WECHAT_API_BASE.replace(/\/+$/, ''),
    statusTemplate: env.WECHAT_TEMPLATE_STATUS ?? null,
    statusFields,
    miniprogramState: env.WECHAT_MINIPROGRAM_STATE as WechatConfig['miniprogramState'],
  };
}

/** Where the H5 build lives, resolved as loadConfig does: the build script needs only this one setting. */
export function loadH5Dir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.H5_DIR || DEFAULT_H5_DIR);
}
