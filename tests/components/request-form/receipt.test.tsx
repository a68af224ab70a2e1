import { render, screen } from '@testing-library/react';
import Receipt from '@/components/request-form/receipt';
import { ticket } from '../../support/resident-fixtures';

jest.mock('@/services/outbox', () => ({
  deliveredTicketNo: jest.fn(() => undefined),
  subscribeOutbox: jest.fn(() => () => undefined),
}));

const sent = (phone: string | null) => ({
  state: 'sent' as const,
  key: 'k-1',
  ticket: { ...ticket({ phone, anonymous: phone === null }), accessToken: 'a'.repeat(43) },
});

describe('the receipt', () => {
  it('says that a request without a phone cannot be looked up from another phone', () => {
    render(<Receipt result={sent(null)} onAnother={() => undefined} />);
    expect(screen.getByTestId('no-phone-note')).toHaveTextContent(
      '换了手机就不能用编号和手机号查询',
    );
  });

  it('says nothing of it when a phone was given', () => {
    render(<Receipt result={sent('138****1234')} onAnother={() => undefined} />);
    expect(screen.queryByTestId('no-phone-note')).toBeNull();
  });
});
