import { act, fireEvent, render, screen } from '@testing-library/react';
import Rating from '@/pages/request-detail/rating';
import { rateTicket } from '@/services/tickets';
import { ticket } from '../../support/resident-fixtures';

jest.mock('@/services/tickets', () => ({ rateTicket: jest.fn() }));
const rate = rateTicket as jest.MockedFunction<typeof rateTicket>;

const resolved = ticket({
  ticketNo: 'PDS20261126-4821',
  anonymous: false,
  phone: '138****1234',
  status: 'resolved',
  createdAt: '2026-11-20T02:00:00.000Z',
  dueAt: '2026-11-27T02:00:00.000Z',
  resolvedAt: '2026-11-25T02:00:00.000Z',
});

beforeEach(() => rate.mockReset());

describe('rating a resolved request', () => {
  it('offers 不满意 / 基本满意 / 满意 with a comment, and sends the choice with the token', async () => {
    const onRated = jest.fn();
    rate.mockResolvedValue({
      ...resolved,
      ratings: [{ score: 3, comment: '修好了', createdAt: '2026-11-26T02:00:00.000Z' }],
    });
    render(<Rating ticket={resolved} accessToken="secret" onRated={onRated} />);

    for (const name of ['不满意', '基本满意', '满意']) {
      expect(screen.getByRole('radio', { name })).toBeVisible();
    }
    fireEvent.click(screen.getByRole('radio', { name: '满意' }));
    fireEvent.change(screen.getByPlaceholderText('还想说点什么（可不填）'), {
      target: { value: '修好了' },
    });
    await act(async () => fireEvent.click(screen.getByText('提交评价')));

    expect(rate).toHaveBeenCalledWith('PDS20261126-4821', 'secret', {
      score: 3,
      comment: '修好了',
    });
    expect(onRated).toHaveBeenCalledWith(expect.objectContaining({ ratings: [expect.anything()] }));
  });

  it('warns that 不满意 sends the request back to be handled again', () => {
    render(<Rating ticket={resolved} accessToken="secret" onRated={jest.fn()} />);
    fireEvent.click(screen.getByRole('radio', { name: '不满意' }));
    expect(screen.getByText('选“不满意”后，这件诉求会退回重新办理')).toBeVisible();
  });

  it('takes one rating per resolution: shows the one given, and asks again after a new resolution', () => {
    const rated = {
      ...resolved,
      ratings: [{ score: 2 as const, comment: null, createdAt: '2026-11-25T05:00:00.000Z' }],
    };
    const { rerender } = render(<Rating ticket={rated} accessToken="secret" onRated={jest.fn()} />);
    expect(screen.getByText('您的评价：基本满意')).toBeVisible();
    expect(screen.queryByText('提交评价')).toBeNull();

    // Reopened by 不满意 and resolved again later: the new resolution can be rated.
    rerender(
      <Rating
        ticket={{ ...rated, resolvedAt: '2026-11-28T02:00:00.000Z' }}
        accessToken="secret"
        onRated={jest.fn()}
      />,
    );
    expect(screen.getByText('提交评价')).toBeVisible();
  });

  it('shows nothing to rate while the request is still being handled', () => {
    const { container } = render(
      <Rating
        ticket={{ ...resolved, status: 'in_progress', resolvedAt: null }}
        accessToken="secret"
        onRated={jest.fn()}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
