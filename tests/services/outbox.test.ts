import type { TicketInput } from '@/domain/ticket';

// The mini-program's transport (Taro.request, as mocked here); the H5 build's (fetch) has transport.test.ts.
jest.mock('@/services/transport', () => jest.requireActual('@/services/transport.ts'));

// Storage and the network are shared by every "launch" of the app below, as a phone's storage outlives the app.
const mockStorage = new Map<string, unknown>();
const mockRequest = jest.fn();
const mockUploadFile = jest.fn();
/** Files on the phone in these tests; a path not listed is gone. */
const mockLocalFiles = new Set<string>();
const mockForgotten: string[] = [];
const mockNetworkListeners: (() => void)[] = [];

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../support/taro');
  const copy = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  const Taro = {
    ...actual.default,
    getStorageSync: (key: string) => (mockStorage.has(key) ? copy(mockStorage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void mockStorage.set(key, copy(value)),
    removeStorageSync: (key: string) => void mockStorage.delete(key),
    request: (options: unknown) => mockRequest(options),
    uploadFile: (options: unknown) => mockUploadFile(options),
  };
  return { __esModule: true, ...actual, default: Taro };
});

jest.mock('@/services/network', () => ({
  onNetworkBack: (listener: () => void) => void mockNetworkListeners.push(listener),
}));

jest.mock('@/services/local-photos', () => ({
  keepLocalPhoto: async (path: string) => path,
  localPhotoExists: async (path: string) => mockLocalFiles.has(path),
  forgetLocalPhoto: (path: string) => void mockForgotten.push(path),
}));

type Outbox = typeof import('@/services/outbox');
type Tickets = typeof import('@/services/tickets');

/** A fresh start of the app: new module instances, the same storage. */
async function launchApp(): Promise<{ outbox: Outbox; tickets: Tickets }> {
  let loaded!: { outbox: Outbox; tickets: Tickets };
  await jest.isolateModulesAsync(async () => {
    loaded = {
      outbox: await import('@/services/outbox'),
      tickets: await import('@/services/tickets'),
    };
  });
  return loaded;
}

const input: TicketInput = {
  category: 'municipal',
  content: '建设路和中兴路口的路灯连续一周晚上不亮',
  district: '新华区',
  anonymous: true,
  consent: true,
};

const created = (ticketNo: string) => ({
  statusCode: 201,
  data: {
    ...input,
    ticketNo,
    accessToken: `token-${ticketNo}`,
    status: 'received',
    createdAt: '2026-11-26T07:00:00.000Z',
    dueAt: '2026-12-03T07:00:00.000Z',
    events: [],
    ratings: [],
  },
});
const offline = () => Promise.reject({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' });
const failure = (statusCode: number, code: string) => ({
  statusCode,
  data: { code, message: '出错了' },
});

const postedKeys = () =>
  mockRequest.mock.calls
    .filter(([options]) => (options as { method: string }).method === 'POST')
    .map(([options]) => (options as { header: Record<string, string> }).header['Idempotency-Key']);

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
  mockStorage.clear();
  mockRequest.mockReset();
  mockUploadFile.mockReset();
  mockLocalFiles.clear();
  mockForgotten.length = 0;
  mockNetworkListeners.length = 0;
});
afterEach(() => {
  jest.clearAllTimers();
  jest.useRealTimers();
});

describe('the outbox', () => {
  it('keeps a request written offline across a restart and delivers it once, with the same Idempotency-Key', async () => {
    const first = await launchApp();
    mockRequest.mockImplementation(offline);
    const result = await first.outbox.submitTicket(input);
    expect(result.state).toBe('queued');
    expect(first.outbox.listOutbox()).toHaveLength(1);

    // The app is closed and opened again later, with the network back.
    const second = await launchApp();
    expect(second.outbox.listOutbox()).toEqual([
      expect.objectContaining({ key: result.key, input }),
    ]);
    mockRequest.mockReset();
    mockRequest.mockResolvedValue(created('PDS20261126-0001'));
    second.outbox.startOutbox();
    await second.outbox.flushOutbox();
    await second.outbox.flushOutbox();

    expect(postedKeys()).toEqual([result.key]);
    expect(second.outbox.listOutbox()).toEqual([]);
    expect(second.outbox.deliveredTicketNo(result.key)).toBe('PDS20261126-0001');
    expect(second.tickets.listStoredTickets()).toEqual([
      expect.objectContaining({
        ticketNo: 'PDS20261126-0001',
        accessToken: 'token-PDS20261126-0001',
      }),
    ]);
  });

  it('makes a new UUID for each request and reuses it on every retry after 5xx, 429 and no answer', async () => {
    const { outbox } = await launchApp();
    mockRequest
      .mockImplementationOnce(offline)
      .mockResolvedValueOnce(failure(503, 'internal_error'))
      .mockResolvedValueOnce(failure(429, 'rate_limited'))
      .mockResolvedValueOnce(created('PDS20261126-0002'));

    const { key, state } = await outbox.submitTicket(input);
    expect(state).toBe('queued');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await outbox.flushOutbox();
    await outbox.flushOutbox();
    await outbox.flushOutbox();
    await outbox.flushOutbox();

    expect(postedKeys()).toEqual([key, key, key, key]);
    expect(outbox.listOutbox()).toEqual([]);
    expect(outbox.deliveredTicketNo(key)).toBe('PDS20261126-0002');

    const next = await outbox.submitTicket(input);
    expect(next.key).not.toBe(key);
  });

  it('sends photos picked offline first, keeps their URLs for every retry, and leaves out one that is gone', async () => {
    const { outbox } = await launchApp();
    mockLocalFiles.add('wxfile://store/lamp.jpg');
    const withPhotos: TicketInput = {
      ...input,
      photos: ['wxfile://store/lamp.jpg', '/api/uploads/before.png', 'blob:http://x/reloaded'],
    };
    mockUploadFile.mockImplementation(offline);
    mockRequest.mockImplementation(offline);
    const { key, state } = await outbox.submitTicket(withPhotos);
    expect(state).toBe('queued');
    expect(postedKeys()).toEqual([]); // nothing is sent before its photos are up

    // The network is back, but the request itself gets no answer the first time.
    mockUploadFile.mockReset();
    mockUploadFile.mockResolvedValueOnce({
      statusCode: 201,
      data: JSON.stringify({ url: '/api/uploads/lamp.jpg', contentType: 'image/jpeg', size: 9 }),
    });
    await outbox.flushOutbox();
    mockRequest.mockReset();
    mockRequest.mockResolvedValue(created('PDS20261126-0009'));
    await outbox.flushOutbox();

    expect(mockUploadFile).toHaveBeenCalledTimes(1);
    expect(postedKeys()).toEqual([key]);
    const sent = (mockRequest.mock.calls[0][0] as { data: TicketInput }).data;
    expect(sent.photos).toEqual(['/api/uploads/lamp.jpg', '/api/uploads/before.png']);
    expect(outbox.deliveredTicketNo(key)).toBe('PDS20261126-0009');
    expect(mockForgotten.sort()).toEqual(['blob:http://x/reloaded', 'wxfile://store/lamp.jpg']);
  });

  it('leaves out a photo the phone cannot send while the server answers, rather than hold the request', async () => {
    const { outbox } = await launchApp();
    mockLocalFiles.add('wxfile://store/broken.jpg');
    mockUploadFile.mockImplementation(offline);
    mockRequest.mockImplementation(async (options: { url: string }) =>
      options.url.endsWith('/api/health')
        ? { statusCode: 200, data: { status: 'ok' } }
        : created('PDS20261126-0010'),
    );
    const result = await outbox.submitTicket({ ...input, photos: ['wxfile://store/broken.jpg'] });
    expect(result.state).toBe('sent');
    expect(postedKeys()).toEqual([result.key]);
    const sent = mockRequest.mock.calls.find(([o]) => (o as { method: string }).method === 'POST')!;
    expect((sent[0] as { data: TicketInput }).data.photos).toEqual([]);
  });

  it('tries again by itself a little later while the server is down', async () => {
    const { outbox } = await launchApp();
    mockRequest.mockImplementationOnce(offline).mockResolvedValue(created('PDS20261126-0003'));
    const { key } = await outbox.submitTicket(input);
    expect(outbox.listOutbox()).toHaveLength(1);

    await jest.advanceTimersByTimeAsync(6_000);
    expect(postedKeys()).toEqual([key, key]);
    expect(outbox.listOutbox()).toEqual([]);
  });

  it('sends what is waiting when the network comes back', async () => {
    const { outbox } = await launchApp();
    mockRequest.mockImplementation(offline);
    const { key } = await outbox.submitTicket(input);
    outbox.startOutbox();
    await Promise.resolve();

    mockRequest.mockReset();
    mockRequest.mockResolvedValue(created('PDS20261126-0004'));
    mockNetworkListeners.forEach((listener) => listener());
    await outbox.flushOutbox();

    expect(postedKeys()).toEqual([key]);
    expect(outbox.deliveredTicketNo(key)).toBe('PDS20261126-0004');
  });

  it('sends a waiting request only once when two flushes overlap', async () => {
    const { outbox } = await launchApp();
    mockRequest.mockImplementation(offline);
    const { key } = await outbox.submitTicket(input);

    mockRequest.mockReset();
    let answer!: (value: unknown) => void;
    mockRequest.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const flushes = [outbox.flushOutbox(), outbox.flushOutbox()];
    outbox.startOutbox();
    await Promise.resolve();
    answer(created('PDS20261126-0005'));
    await Promise.all(flushes);
    await outbox.flushOutbox();

    expect(postedKeys()).toEqual([key]);
  });

  it('does not retry a request the server refuses with a 4xx, and tells the form why', async () => {
    const { outbox } = await launchApp();
    mockRequest.mockResolvedValue({
      statusCode: 400,
      data: {
        code: 'validation_failed',
        message: '填写的内容有误，请按提示修改后再试',
        details: [{ field: 'content', message: '请把问题说清楚，至少 10 个字' }],
      },
    });

    await expect(outbox.submitTicket(input)).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'content', message: '请把问题说清楚，至少 10 个字' }],
    });
    expect(outbox.listOutbox()).toEqual([]);
    await jest.advanceTimersByTimeAsync(120_000);
    await outbox.flushOutbox();
    expect(mockRequest).toHaveBeenCalledTimes(1);
  });

  it('marks a queued request the server later refuses, and stops sending it', async () => {
    const { outbox } = await launchApp();
    mockRequest.mockImplementation(offline);
    const { key } = await outbox.submitTicket(input);

    mockRequest.mockReset();
    mockRequest.mockResolvedValue(failure(422, 'idempotency_key_reused'));
    await outbox.flushOutbox();
    await outbox.flushOutbox();

    expect(postedKeys()).toEqual([key]);
    expect(outbox.listOutbox()).toEqual([
      expect.objectContaining({
        key,
        refused: expect.objectContaining({ code: 'idempotency_key_reused' }),
      }),
    ]);
    expect(outbox.removeFromOutbox(key)).toEqual(input);
    expect(outbox.listOutbox()).toEqual([]);
  });
});
