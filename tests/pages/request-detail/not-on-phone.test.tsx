import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RequestDetailPage from '@/pages/request-detail';
import { getTicketKept } from '@/services/tickets';
import { routeParams, tap } from '../../support/worker-fixtures';

jest.mock('@/services/tickets', () => ({
  findStoredTicket: jest.fn(() => undefined),
  getTicketKept: jest.fn(),
  rateTicket: jest.fn(),
}));

afterEach(() => jest.restoreAllMocks());

describe('a request this phone does not keep', () => {
  it('offers to look it up by its number and phone, the number filled in', async () => {
    routeParams({ no: 'PDS20261126-4821' });
    const redirect = jest.spyOn(Taro, 'redirectTo');
    render(<RequestDetailPage />);
    expect(screen.getByText('这部手机上没有这件诉求')).toBeVisible();
    tap('用编号和手机号查询');
    await waitFor(() =>
      expect(redirect).toHaveBeenCalledWith({
        url: '/pages/request-lookup/index?no=PDS20261126-4821',
      }),
    );
    // Anonymous (the browser): nothing to load it with.
    expect(getTicketKept).not.toHaveBeenCalled();
  });
});
