import { render, screen } from '@testing-library/react';
import NoticeButton from '@/components/notice-button';
import { askForStatusNotices, canAskForNotices, useCitizen } from '@/services/citizen';
import { tap } from '../support/worker-fixtures';

jest.mock('@/services/citizen', () => ({
  useCitizen: jest.fn(),
  canAskForNotices: jest.fn(),
  askForStatusNotices: jest.fn(),
}));
const citizen = useCitizen as jest.MockedFunction<typeof useCitizen>;
const canAsk = canAskForNotices as jest.MockedFunction<typeof canAskForNotices>;
const ask = askForStatusNotices as jest.MockedFunction<typeof askForStatusNotices>;

const SESSION = { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', statusTemplateId: 'tpl' };

describe('办理有进展时微信提醒我', () => {
  it('asks WeChat on a tap and says what the citizen chose', async () => {
    citizen.mockReturnValue(SESSION);
    canAsk.mockReturnValue(true);
    ask.mockResolvedValue('subscribed');
    render(<NoticeButton ticketNo="PDS20261126-4821" accessToken="t1" />);
    tap('办理有进展时微信提醒我');
    expect(await screen.findByText(/下一步办理时会通过微信服务通知告诉您/)).toBeVisible();
    expect(ask).toHaveBeenCalledWith('PDS20261126-4821', 't1');
    // Each 允许 is one notice: the citizen may allow the next one too.
    expect(screen.getByText('下一步也提醒我')).toBeVisible();
  });

  it('says so when the citizen does not allow it', async () => {
    citizen.mockReturnValue(SESSION);
    canAsk.mockReturnValue(true);
    ask.mockResolvedValue('declined');
    render(<NoticeButton ticketNo="PDS20261126-4821" accessToken={null} />);
    tap('办理有进展时微信提醒我');
    expect(await screen.findByText('您没有允许通知，需要时可以再点一次。')).toBeVisible();
  });

  it('is not there where notices cannot be asked for (the browser, no template)', () => {
    citizen.mockReturnValue(null);
    canAsk.mockReturnValue(false);
    render(<NoticeButton ticketNo="PDS20261126-4821" accessToken="t1" />);
    expect(screen.queryByTestId('notice-button')).toBeNull();
  });
});
