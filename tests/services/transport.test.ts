import { send } from '@/services/transport.h5';

/** The H5 build's transport: fetch, sending what Taro.request sent and answering as it answered. */
describe('the H5 transport', () => {
  const fetchMock = jest.fn();
  const answer = (status: number, body: string) =>
    Promise.resolve({ status, text: () => Promise.resolve(body) });

  beforeEach(() => {
    fetchMock.mockReset();
    global.fetch = fetchMock;
  });
  afterEach(() => jest.useRealTimers());

  const json = { 'content-type': 'application/json' };

  it('sends a GET without a body or a content type, and its data in the query string', async () => {
    fetchMock.mockReturnValue(answer(200, '{"items":[]}'));
    const res = await send({
      url: '/api/commitments?limit=20',
      method: 'GET',
      data: { cursor: '20', q: undefined },
      headers: { ...json, 'x-ticket-token': 't' },
      timeoutMs: 1000,
    });
    expect(res).toEqual({ statusCode: 200, data: { items: [] } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/commitments?limit=20&cursor=20');
    expect(init).toMatchObject({ method: 'GET', headers: { 'x-ticket-token': 't' } });
    expect(init.body).toBeUndefined();
  });

  it('sends JSON as JSON, and a CSV file as its bytes', async () => {
    fetchMock.mockReturnValue(answer(201, '{"ok":true}'));
    await send({
      url: '/api/tickets',
      method: 'POST',
      data: { a: 1 },
      headers: json,
      timeoutMs: 1000,
    });
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ body: '{"a":1}', headers: json });
    const file = new Uint8Array([105, 100, 10]).buffer;
    await send({
      url: '/api/progress-imports',
      method: 'POST',
      data: file,
      headers: { 'content-type': 'text/csv' },
      timeoutMs: 1000,
    });
    expect(fetchMock.mock.calls[1][1].body).toBe(file);
  });

  it('answers the status of any answer, and text that is not JSON as text', async () => {
    fetchMock.mockReturnValue(answer(502, '<html>Bad Gateway</html>'));
    const res = await send({
      url: '/api/x',
      method: 'GET',
      data: undefined,
      headers: {},
      timeoutMs: 1000,
    });
    expect(res).toEqual({ statusCode: 502, data: '<html>Bad Gateway</html>' });
  });

  it('gives up after the timeout with an error that says so, and aborts the fetch', async () => {
    jest.useFakeTimers();
    let signal: AbortSignal | undefined;
    fetchMock.mockImplementation((_url: string, init: { signal: AbortSignal }) => {
      signal = init.signal;
      return new Promise(() => undefined);
    });
    const sent = send({
      url: '/api/x',
      method: 'GET',
      data: undefined,
      headers: {},
      timeoutMs: 10_000,
    });
    jest.advanceTimersByTime(10_000);
    await expect(sent).rejects.toThrow(/timeout/);
    expect(signal?.aborted).toBe(true);
  });

  it('passes on a failure to reach the server', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(
      send({ url: '/api/x', method: 'GET', data: undefined, headers: {}, timeoutMs: 1000 }),
    ).rejects.toThrow('Failed to fetch');
  });
});
