// Progress for the resident browser test: a few updates written straight into the test server's SQLite file,
// as a worker's updates would leave them (the commitment row moves with its newest update). Each figure describes
// a day of 2020 (asOf), so that after the deadline the cards show their verdicts.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { SQLITE_FILE } from '../../server/db/database';

/** A small picture for the photo row: the app's own home icon, as a data URL. */
const PHOTO = `data:image/png;base64,${fs
  .readFileSync(path.resolve(__dirname, '../../src/assets/tabbar/home-active.png'))
  .toString('base64')}`;

interface SeedUpdate {
  commitmentId: string;
  value: number | null;
  percent: number;
  note: string;
  daysAgo: number;
  /** The day the figure describes. */
  asOf: string;
  author: string;
  photos?: string[];
}

export const SEED_UPDATES: SeedUpdate[] = [
  {
    commitmentId: 'edu-kindergartens-11',
    value: 3,
    percent: 27,
    note: '湛河区两所幼儿园主体完工',
    asOf: '2020-06-30',
    daysAgo: 40,
    author: '李老师',
  },
  {
    commitmentId: 'edu-kindergartens-11',
    value: 6,
    percent: 54,
    note: '新华区、卫东区四所幼儿园开工建设，其中两所已封顶',
    asOf: '2020-12-31',
    daysAgo: 3,
    author: '王敏',
    photos: [PHOTO],
  },
  {
    commitmentId: 'poverty-all-lifted',
    value: null,
    percent: 100,
    note: '全市现行标准下农村贫困人口全部脱贫',
    asOf: '2020-12-31',
    daysAgo: 10,
    author: '赵刚',
  },
  {
    commitmentId: 'ecology-black-odorous-water',
    value: null,
    percent: 40,
    note: '市区黑臭水体整治完成四成',
    asOf: '2020-12-31',
    daysAgo: 1,
    author: '陈静',
  },
];

export function seedUpdates(dataDir: string, now = Date.now()): void {
  const db = new SQLite(path.join(dataDir, SQLITE_FILE));
  db.pragma('busy_timeout = 5000');
  try {
    const insert = db.prepare(
      `insert into commitment_updates (id, commitment_id, author_id, author_name, author_role, value, percent, note, photos, as_of, created_at)
       values (?, ?, null, ?, 'worker', ?, ?, ?, ?, ?, ?)`,
    );
    const move = db.prepare(
      `update commitments set current_value = ?, progress_percent = ?, current_as_of = ?, current_posted_at = ?,
         updated_at = ?, reached_on = case when ? >= 100 then coalesce(reached_on, ?) else reached_on end
       where id = ?`,
    );
    const ordered = [...SEED_UPDATES].sort((a, b) => b.daysAgo - a.daysAgo);
    db.transaction(() => {
      ordered.forEach((u, i) => {
        const at = new Date(now - u.daysAgo * 86_400_000).toISOString();
        insert.run(
          `seed-${i}`,
          u.commitmentId,
          u.author,
          u.value,
          u.percent,
          u.note,
          JSON.stringify(u.photos ?? []),
          u.asOf,
          at,
        );
        move.run(u.value, u.percent, u.asOf, at, at, u.percent, u.asOf, u.commitmentId);
      });
    })();
  } finally {
    db.close();
  }
}
