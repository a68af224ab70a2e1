import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RequestLookupPage from '@/pages/request-lookup';
import { ApiError } from '@/services/http';
import { lookupTicket } from '@/services/tickets';
import { field, routeParams, tap, type } from '../support/worker-fixtures';

jest.mock('@/services/tickets', () => ({ lookupTicket: jest.fn() }));
const lookup = lookupTicket as jest.MockedFunction<typeof lookupTicket>;

afterEach(() => {
  jest.restoreAllMocks();
  lookup.mockReset();
});

describe('查询诉求', () => {
  it('finds a request by its number and phone, then opens it on this phone', async () => {
    routeParams({ no: 'PDS20261126-4821' });
    lookup.mockResolvedValue({
      ticketNo: 'PDS20261126-4821',
      accessToken: 'new',
      createdAt: '2026-11-26T02:00:00.000Z',
    });
    const redirect = jest.spyOn(Taro, 'redirectTo');
    render(<RequestLookupPage />);
    // The number comes filled in from the request's page.
    expect(field(/PDS20261126-4821/)).toHaveValue('PDS20261126-4821');
    type(field('11 位手机号码'), '13812341234');
    tap('查询');
    await waitFor(() =>
      expect(redirect).toHaveBeenCalledWith({
        url: '/pages/request-detail/index?no=PDS20261126-4821',
      }),
    );
    expect(lookup).toHaveBeenCalledWith({ ticketNo: 'PDS20261126-4821', phone: '13812341234' });
  });

  it('says what is wrong with a field before asking the server', async () => {
    routeParams({});
    render(<RequestLookupPage />);
    type(field(/PDS20261126-4821/), 'PDS123');
    type(field('11 位手机号码'), '1381234');
    tap('查询');
    expect(await screen.findByText('请填写受理编号，如 PDS20261126-4821')).toBeVisible();
    expect(screen.getByText('请填写提交诉求时留的 11 位手机号码')).toBeVisible();
    expect(lookup).not.toHaveBeenCalled();
  });

  it('shows the server’s answer when no request has that number and phone', async () => {
    routeParams({});
    const message = '没有找到这条诉求，请核对受理编号和手机号码';
    lookup.mockRejectedValue(new ApiError('not_found', message, 404));
    render(<RequestLookupPage />);
    type(field(/PDS20261126-4821/), 'pds20261126-4821');
    type(field('11 位手机号码'), '13812341234');
    tap('查询');
    expect(await screen.findByText(message)).toBeVisible();
  });
});
