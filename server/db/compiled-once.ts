import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './tables';

/** Where a value stands in a query compiled once: each run puts the value of that name in its place. */
class StandIn {
  constructor(readonly name: string) {}
}

/**
 * A query Kysely builds and compiles once for each shape and database, then runs with each call's values: for a page
 * of the staff queue, building and compiling its statements cost about as much as SQLite running them (decision
 * 011), to make the same SQL every time.
 *
 * The shape of an input is the value of each of `shapeKeys` and, for every other key, whether it is given. `build`
 * is called once per shape with every given value that is not a shape key replaced by a stand-in, which Kysely
 * passes through as a parameter: it may branch on the shape, and must use the other values only as parameters (a
 * stand-in cannot be computed with or compared). Each shape's query is kept as long as the database, so shape keys
 * must take few values (a status, a yes or no), never a user's text.
 */
export function compiledOnce<Input extends object, Built extends Compilable<unknown> | null>(
  shapeKeys: readonly (keyof Input & string)[],
  build: (db: Kysely<Database>, input: Input) => Built,
): (db: Kysely<Database>, input: Input) => CompiledOf<Built> {
  const compiledFor = new WeakMap<Kysely<Database>, Map<string, CompiledQuery | null>>();
  const isShapeKey = (key: string) => (shapeKeys as readonly string[]).includes(key);

  return (db, input) => {
    const values = input as Record<string, unknown>;
    let compiled = compiledFor.get(db);
    if (!compiled) compiledFor.set(db, (compiled = new Map()));
    const shape = JSON.stringify(
      Object.keys(values)
        .filter((key) => values[key] !== undefined)
        .sort()
        .map((key) => (isShapeKey(key) ? [key, values[key]] : key)),
    );
    let query = compiled.get(shape);
    if (query === undefined) {
      const standIns = Object.fromEntries(
        Object.entries(values).map(([key, value]) => [
          key,
          isShapeKey(key) || value === undefined ? value : new StandIn(key),
        ]),
      );
      query = build(db, standIns as Input)?.compile() ?? null;
      compiled.set(shape, query);
    }
    if (query === null) return null as CompiledOf<Built>;
    const run: CompiledQuery = {
      ...query,
      // A query of its own to Kysely's plugins, which tell queries apart by their ids.
      queryId: createQueryId(),
      parameters: query.parameters.map((parameter) =>
        parameter instanceof StandIn ? values[parameter.name] : parameter,
      ),
    };
    return run as CompiledOf<Built>;
  };
}

/** The compiled query of what `build` answers: null where it answers null (a query that reads nothing). */
type CompiledOf<Built> = Built extends Compilable<infer Row> ? CompiledQuery<Row> : null;
