import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { CommitmentSource } from '../../../src/domain/commitment';
import type { CommitmentChanges } from '../../db/commitment-changes';
import { migrateToLatest, openDatabase, type DatabaseDialect } from '../../db/database';
import type { Database } from '../../db/tables';
import { upsertCommitmentSources } from '../../repositories/commitments';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: DatabaseDialect;
    commitmentChanges: CommitmentChanges;
  }
}

export const DATASET_PATH = path.resolve(__dirname, '../../../data/commitments.json');

/** Opens the database, brings its schema up to date and loads the report's commitments. */
async function databasePlugin(app: FastifyInstance) {
  const { db, dialect, commitmentChanges } = openDatabase({
    databaseUrl: app.config.databaseUrl,
    dataDir: app.config.dataDir,
    onConnectionError: (error) => app.log.warn({ err: error }, 'database connection closed'),
  });
  app.decorate('db', db);
  app.decorate('dialect', dialect);
  app.decorate('commitmentChanges', commitmentChanges);
  app.addHook('onClose', async () => {
    await commitmentChanges.close();
    await db.destroy();
  });

  const { ahead } = await migrateToLatest(db);
  if (ahead.length > 0) {
    app.log.warn({ ahead }, 'the database is ahead of this release: running on it as it is');
  }
  const sources = JSON.parse(fs.readFileSync(DATASET_PATH, 'utf8')) as CommitmentSource[];
  await upsertCommitmentSources(db, { sources });
}

export default fp(databasePlugin, { name: 'database', decorators: { fastify: ['config'] } });
