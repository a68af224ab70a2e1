import { buildApp } from '../../server/build-app';
import type { UploadLimits } from '../../server/config';
import { manualClock } from '../support/clock';
import { IMAGES } from '../support/images';
import { multipart } from '../support/multipart';
import { createTestApp, DATABASES, testConfig, type TestContext } from '../support/test-app';
import { submit, validInput } from './tickets-fixtures';

jest.setTimeout(30_000);

const PHOTO = Buffer.concat([IMAGES.jpeg, Buffer.alloc(100_000)]);
const GENEROUS: UploadLimits = {
  bytesPerDay: 1024 ** 3,
  storageMaxBytes: 1024 ** 4,
  diskFreeMinBytes: 0,
};

describe.each(DATABASES)('limits of photo storage on %s', (dialect) => {
  let ctx: TestContext | undefined;
  afterEach(async () => {
    await ctx?.destroy();
    ctx = undefined;
  });

  const upload = (app: TestContext['app'], remoteAddress = '203.0.113.1') =>
    app.inject({ method: 'POST', url: '/api/uploads', remoteAddress, ...multipart(PHOTO) });
  const countUploads = async (app: TestContext['app']) =>
    (await app.db.selectFrom('uploads').select('name').execute()).length;

  it("refuses a client's photos past its bytes of the day with 429, across processes, until the next day", async () => {
    const clock = manualClock('2026-11-26T02:00:00.000Z');
    const uploads = { ...GENEROUS, bytesPerDay: Math.floor(PHOTO.length * 2.5) };
    ctx = await createTestApp(dialect, { now: clock.now, config: { uploads } });
    // Another process on the same database (PostgreSQL); SQLite has one.
    const other =
      dialect === 'postgres'
        ? await buildApp({
            config: { ...testConfig(ctx.dataDir, ctx.databaseUrl), uploads },
            now: clock.now,
          })
        : ctx.app;
    try {
      expect((await upload(ctx.app)).statusCode).toBe(201);
      expect((await upload(other)).statusCode).toBe(201);
      const refused = await upload(ctx.app);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({
        code: 'upload_quota_exceeded',
        message: '今天上传的照片太多了，请明天再传，或先不附照片提交',
      });
      expect((await upload(other)).statusCode).toBe(429);
      expect(await countUploads(ctx.app)).toBe(2);
      // Another client has its own bytes; the next Beijing day (10:00 → 00:00 next day), so has this one.
      expect((await upload(ctx.app, '203.0.113.2')).statusCode).toBe(201);
      clock.advanceHours(14);
      expect((await upload(other)).statusCode).toBe(201);
    } finally {
      if (other !== ctx.app) await other.close();
    }
  });

  it('refuses new photos with 507 before the storage fills, and requests are still filed without', async () => {
    // Full: no disk has a petabyte free (SQLite, files); no photo fits in one byte (PostgreSQL).
    const uploads = { ...GENEROUS, diskFreeMinBytes: 1024 ** 5, storageMaxBytes: 1 };
    ctx = await createTestApp(dialect, { config: { uploads } });
    const refused = await upload(ctx.app);
    expect(refused.statusCode).toBe(507);
    expect(refused.json()).toEqual({
      code: 'storage_full',
      message: '照片存储空间已满，请先不附照片提交，或稍后再试',
    });
    expect(await countUploads(ctx.app)).toBe(0);
    expect((await submit(ctx.app, validInput())).statusCode).toBe(201);
  });
});
