import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../server/db/database';
import { runTransaction } from '../../server/db/group-commit';
import type { Database } from '../../server/db/tables';

/**
 * SQLite's transactions share commits (server/db/group-commit.ts): each is isolated as before, and none is
 * answered before the commit it shares.
 */
describe('group commit on SQLite', () => {
  let dir: string;
  let db: Kysely<Database>;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-group-'));
    db = openDatabase({ dataDir: dir }).db;
    await sql`create table parent (id text primary key)`.execute(db);
    // Checked at commit: what makes a shared commit fail.
    await sql`create table child (id text primary key,
      parent text references parent (id) deferrable initially deferred)`.execute(db);
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: string, parent?: string) =>
    runTransaction(db, async (trx) => {
      if (parent === undefined) await sql`insert into parent (id) values (${id})`.execute(trx);
      else await sql`insert into child (id, parent) values (${id}, ${parent})`.execute(trx);
      return id;
    });
  const ids = async (table: 'parent' | 'child') =>
    (
      await sql<{ id: string }>`select id from ${sql.table(table)} order by id`.execute(db)
    ).rows.map((r) => r.id);
  it('runs transactions asked for at once, each with its own answer, and keeps them all', async () => {
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((id) => insert(id)));
    expect(answers).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids('parent')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back only the transaction that failed', async () => {
    await insert('a');
    const answers = await Promise.allSettled([
      insert('b'),
      insert('a'), // a unique violation
      runTransaction(db, async (trx) => {
        await sql`insert into parent (id) values ('c')`.execute(trx);
        throw new Error('refused after writing');
      }),
      insert('d'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(await ids('parent')).toEqual(['a', 'b', 'd']);
  });

  it('answers none of the transactions of a commit that fails, and keeps none of them', async () => {
    const answers = await Promise.allSettled([
      insert('a'),
      insert('orphan', 'nobody'), // fine until the commit checks it
      insert('b'),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await ids('parent')).toEqual([]);
    expect(await ids('child')).toEqual([]);
    // The next group commits as usual.
    await insert('c');
    expect(await ids('parent')).toEqual(['c']);
  });

  it('waits for the next turn when a group is being committed, and answers in order', async () => {
    const order: string[] = [];
    const first = Promise.all(['a', 'b'].map((id) => insert(id).then(() => order.push(id))));
    await new Promise((resolve) => setImmediate(resolve));
    const second = Promise.all(['c', 'd'].map((id) => insert(id).then(() => order.push(id))));
    await Promise.all([first, second]);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids('parent')).toEqual(['a', 'b', 'c', 'd']);
  });
});
