import Taro from '@tarojs/taro';
import { findStoredTicket, lookupTicket } from '@/services/tickets';

// The mini-program's transport (Taro.request, as mocked here); the H5 build's (fetch) has transport.test.ts.
jest.mock('@/services/transport', () => jest.requireActual('@/services/transport.ts'));

afterEach(() => {
  jest.restoreAllMocks();
  Taro.clearStorageSync();
});

describe('looking a request up on another phone', () => {
  it('keeps the new token on this phone, as if it had filed the request', async () => {
    const request = jest
      .spyOn(Taro, 'request')
      .mockResolvedValueOnce({ statusCode: 200, data: { accessToken: 'new-token' } } as never)
      .mockResolvedValueOnce({
        statusCode: 200,
        data: { ticketNo: 'PDS20261126-4821', createdAt: '2026-11-26T02:00:00.000Z' },
      } as never);
    const stored = await lookupTicket({ ticketNo: 'PDS20261126-4821', phone: '13812341234' });
    expect(stored).toEqual({
      ticketNo: 'PDS20261126-4821',
      accessToken: 'new-token',
      createdAt: '2026-11-26T02:00:00.000Z',
    });
    expect(findStoredTicket('PDS20261126-4821')).toEqual(stored);
    expect(request.mock.calls[0][0]).toMatchObject({
      url: expect.stringMatching(/\/api\/tickets\/lookup$/),
      method: 'POST',
      data: { ticketNo: 'PDS20261126-4821', phone: '13812341234' },
    });
    expect(request.mock.calls[1][0].header).toMatchObject({ 'X-Ticket-Token': 'new-token' });
  });

  it('keeps nothing when the server finds no such request', async () => {
    jest.spyOn(Taro, 'request').mockResolvedValue({
      statusCode: 404,
      data: { code: 'not_found', message: '没有找到这条诉求，请核对受理编号和手机号码' },
    } as never);
    await expect(
      lookupTicket({ ticketNo: 'PDS20261126-4821', phone: '13812341234' }),
    ).rejects.toMatchObject({ status: 404, message: '没有找到这条诉求，请核对受理编号和手机号码' });
    expect(findStoredTicket('PDS20261126-4821')).toBeUndefined();
  });
});
