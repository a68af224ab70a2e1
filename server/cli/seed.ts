/**
 * Sample data for a first look and for measuring (docs/decisions/011), on the server's database (DATA_DIR /
 * DATABASE_URL):
 *
 *   npm run seed -- --demo                 a few thousand requests and a year of progress updates
 *   npm run seed -- --requests 600000      a year of a city's requests
 *   … --force                              also on a database holding requests or updates the generator did not make
 *                                          (they are deleted)
 *
 * The database is marked as sample data: GET /api/meta says `"sample": true` and every page of the app says 示例数据.
 * Progress goes to stderr; the summary to stdout. Exits 0 on success, 1 when refused, 2 on a wrong command line.
 */
import fs from 'node:fs';
import type { CommitmentSource } from '../../src/domain/commitment';
import { loadConfig } from '../config';
import { DATASET_PATH } from '../plugins/app/database';
import { upsertCommitmentSources } from '../repositories/commitments';
import { seedSampleData } from '../seed';
import { InputError, parseCommandLine, runCommand, UsageError, withDatabase } from './run';

const USAGE = `用法 (usage):
  npm run seed -- --demo                演示用：几千条诉求和一年的进展更新
  npm run seed -- --requests N          N 条诉求，分布在今天之前的 12 个月
  加 --force：数据库里有不是生成器生成的诉求或进展更新时也执行（会删除它们）
生成的数据会标记为示例数据，应用每一页都会显示"示例数据"。`;

export const DEMO_REQUESTS = 3000;
const MAX_REQUESTS = 5_000_000;

/** How many requests the command line asks for. */
export function requestsWanted(values: { demo?: boolean; requests?: string }): number {
  if (values.demo && values.requests !== undefined) {
    throw new UsageError('--demo 和 --requests 只能选一个');
  }
  if (values.demo) return DEMO_REQUESTS;
  if (values.requests === undefined) throw new UsageError('请指定 --requests N 或 --demo');
  const n = Number(values.requests);
  if (!/^\d+$/.test(values.requests) || n < 1 || n > MAX_REQUESTS) {
    throw new UsageError(`--requests 应为 1 到 ${MAX_REQUESTS} 的整数`);
  }
  return n;
}

async function main(argv: string[]): Promise<string> {
  const { values, positionals } = parseCommandLine(argv, {
    requests: { type: 'string' },
    demo: { type: 'boolean' },
    force: { type: 'boolean' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return USAGE;
  if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  const requests = requestsWanted(values);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed 应为整数');
  const dialect = loadConfig(process.env).databaseUrl ? 'postgres' : 'sqlite';
  const started = Date.now();

  return withDatabase(async (db) => {
    const sources = JSON.parse(fs.readFileSync(DATASET_PATH, 'utf8')) as CommitmentSource[];
    await upsertCommitmentSources(db, { sources });
    const log = (line: string) =>
      process.stderr.write(`${line}（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
    const result = await seedSampleData(db, {
      dialect,
      requests,
      now: new Date(),
      force: values.force === true,
      seed,
      log,
    });
    if (result.kind === 'refused') {
      throw new InputError(
        `数据库里有不是生成器生成的数据（诉求 ${result.tickets} 条，进展更新 ${result.updates} 条），` +
          '没有改动。确定要删除它们并生成示例数据，请加 --force。',
      );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return (
      `已生成示例数据（${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}）：诉求 ${result.tickets} 条` +
      `（处理记录 ${result.events} 条，评价 ${result.ratings} 条），进展更新 ${result.updates} 条，用时 ${seconds} 秒。\n` +
      '数据库已标记为示例数据：应用每一页都会显示"示例数据"。'
    );
  });
}

if (require.main === module) runCommand(() => main(process.argv.slice(2)), USAGE);
