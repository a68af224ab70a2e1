import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Past this many parameters a statement is a batch's rows or a long list, whose text varies with the batch. */
const MOST_PARAMETERS = 32;
/** Distinct texts named at most (each takes some memory of every backend that runs it), starred ones counted. */
const MOST_STATEMENTS = 500;

/**
 * Whether a statement of these parameters may be prepared: one with parameters (a statement without any may be a
 * script of several, which only the simple protocol runs) and not too many of them.
 */
const preparableWith = (parameters: readonly unknown[]) =>
  parameters.length > 0 && parameters.length <= MOST_PARAMETERS;

/**
 * Whether a text may be prepared: not one with a `*`. A `select *` prepared before a release adds a column
 * (migrations only add, decision 016) would fail from then on with "cached plan must not change result type"; a
 * statement that names its columns is only planned again.
 */
const preparableText = (text: string) => !text.replaceAll('count(*)', '').includes('*');

/**
 * PostgreSQL for Kysely, with each statement that `preparableWith` and `preparableText` let through parsed and
 * planned once on each connection (a named statement; PostgreSQL plans it again when a table or index it uses
 * changes). Kysely sends every statement unnamed, to be parsed and planned each time: for the queue's count that was
 * two thirds of its time (decision 012).
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  // The same name always stands for the same text, on every connection of this process; null: never prepared.
  const names = new Map<string, string | null>();
  const nameOf = (text: string, parameters: readonly unknown[]) => {
    if (!preparableWith(parameters)) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < MOST_STATEMENTS) {
      name = preparableText(text) ? `minsheng_${names.size}` : null;
      names.set(text, name);
    }
    return name ?? undefined;
  };

  // Kysely knows a connection by its client object: one wrapper for each of the pool's clients.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(
      text: string,
      parameters: readonly unknown[],
    ): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query(
      query: string | PostgresCursor<unknown>,
      parameters: readonly unknown[] = [],
    ): unknown {
      if (typeof query !== 'string') return client.query(query as unknown as pg.Submittable);
      return client.query({
        text: query,
        values: [...parameters],
        name: nameOf(query, parameters),
      });
    }
    return { query, release: (destroy) => client.release(destroy) };
  };

  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
