import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RequestForm from '@/components/request-form';
import { EMPTY_DRAFT, saveDraft } from '@/components/request-form/draft';
import {
  canAskForNotices,
  reportNoticeGrant,
  requestNoticeGrant,
  useCitizen,
} from '@/services/citizen';
import { submitTicket } from '@/services/outbox';
import { ticket } from '../../support/resident-fixtures';

jest.mock('@/services/outbox', () => ({
  submitTicket: jest.fn(),
  deliveredTicketNo: jest.fn(() => undefined),
  subscribeOutbox: jest.fn(() => () => undefined),
}));
jest.mock('@/services/citizen', () => ({
  useCitizen: jest.fn(),
  canAskForNotices: jest.fn(),
  requestNoticeGrant: jest.fn(),
  reportNoticeGrant: jest.fn(),
  askForStatusNotices: jest.fn(),
}));

const SESSION = { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', statusTemplateId: 'tpl' };
const FILED = { ...ticket({ ticketNo: 'PDS20261126-4821' }), accessToken: 'a'.repeat(43) };
const VALID = {
  ...EMPTY_DRAFT,
  category: 'municipal' as const,
  content: '建设路和中兴路口的路灯连续一周晚上不亮',
  district: '新华区' as const,
  phone: '13812341234',
  consent: true,
};

beforeEach(() => {
  Taro.clearStorageSync();
  jest.mocked(useCitizen).mockReturnValue(SESSION);
  jest.mocked(canAskForNotices).mockReturnValue(true);
  jest.mocked(submitTicket).mockResolvedValue({ state: 'sent', key: 'k', ticket: FILED });
  jest.mocked(reportNoticeGrant).mockResolvedValue(true);
});
afterEach(() => jest.clearAllMocks());

describe('提交 in the mini-program, signed in', () => {
  it('asks WeChat within the tap, then reports the 允许 for the filed request', async () => {
    jest.mocked(requestNoticeGrant).mockResolvedValue('allowed');
    saveDraft(VALID);
    render(<RequestForm />);
    fireEvent.click(screen.getByText('提交诉求'));
    // Asked in the tap itself, before the request went.
    expect(requestNoticeGrant).toHaveBeenCalledTimes(1);
    await screen.findByTestId('receipt-sent');
    await waitFor(() =>
      expect(reportNoticeGrant).toHaveBeenCalledWith('PDS20261126-4821', FILED.accessToken),
    );
    expect(await screen.findByText(/下一步办理时会通过微信服务通知告诉您/)).toBeVisible();
  });

  it('reports nothing when the citizen does not allow it', async () => {
    jest.mocked(requestNoticeGrant).mockResolvedValue('declined');
    saveDraft(VALID);
    render(<RequestForm />);
    fireEvent.click(screen.getByText('提交诉求'));
    await screen.findByTestId('receipt-sent');
    expect(reportNoticeGrant).not.toHaveBeenCalled();
  });

  it('does not ask for a form that will not be sent', async () => {
    saveDraft({ ...VALID, content: '' });
    render(<RequestForm />);
    fireEvent.click(screen.getByText('提交诉求'));
    expect(await screen.findByText(/请把问题说清楚/)).toBeVisible();
    expect(requestNoticeGrant).not.toHaveBeenCalled();
    expect(submitTicket).not.toHaveBeenCalled();
  });
});
