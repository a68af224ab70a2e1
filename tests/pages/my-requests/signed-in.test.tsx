import { render, screen, within } from '@testing-library/react';
import { mergeRows, type Row } from '@/pages/my-requests/rows';
import MyRequestsPage from '@/pages/my-requests';
import { useCitizen } from '@/services/citizen';
import { getTicketKept, listCitizenTickets, listStoredTickets } from '@/services/tickets';
import { ticket } from '../../support/resident-fixtures';

jest.mock('@/services/tickets', () => ({
  listStoredTickets: jest.fn(() => []),
  getTicketKept: jest.fn(),
  listCitizenTickets: jest.fn(),
}));
jest.mock('@/services/citizen', () => ({ useCitizen: jest.fn(() => null) }));

const stored = listStoredTickets as jest.MockedFunction<typeof listStoredTickets>;
const kept = getTicketKept as jest.MockedFunction<typeof getTicketKept>;
const fromServer = listCitizenTickets as jest.MockedFunction<typeof listCitizenTickets>;
const citizen = useCitizen as jest.MockedFunction<typeof useCitizen>;

afterEach(() => jest.clearAllMocks());

const summary = (ticketNo: string, createdAt: string) => ({
  ticketNo,
  status: 'in_progress' as const,
  category: 'environment' as const,
  content: `${ticketNo} 小区垃圾没人清运`,
  createdAt,
  updatedAt: createdAt,
  dueAt: '2099-01-01T00:00:00.000Z',
  resolvedAt: null,
});

describe('我的诉求 signed in with WeChat', () => {
  it('lists the phone’s requests and the citizen’s from the server, once each, newest first', async () => {
    citizen.mockReturnValue({
      token: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      statusTemplateId: null,
    });
    stored.mockReturnValue([
      { ticketNo: 'PDS20261120-1111', accessToken: 't1', createdAt: '2026-11-20T02:00:00.000Z' },
    ]);
    kept.mockResolvedValue({
      data: ticket({ ticketNo: 'PDS20261120-1111' }),
      offline: false,
      savedAt: '2026-11-26T07:00:00.000Z',
    });
    fromServer.mockResolvedValue({
      items: [
        summary('PDS20261125-3333', '2026-11-25T02:00:00.000Z'),
        // Filed on this phone too: shown once.
        summary('PDS20261120-1111', '2026-11-20T02:00:00.000Z'),
        summary('PDS20261101-2222', '2026-11-01T02:00:00.000Z'),
      ],
      nextCursor: null,
      total: 3,
    });
    render(<MyRequestsPage />);
    await screen.findByText('PDS20261125-3333');
    const cards = screen.getAllByTestId('my-request');
    expect(cards.map((c) => within(c).getByText(/^PDS/).textContent)).toEqual([
      'PDS20261125-3333',
      'PDS20261120-1111',
      'PDS20261101-2222',
    ]);
    expect(within(cards[0]).getByText('办理中')).toBeVisible();
    expect(fromServer).toHaveBeenCalledWith(null);
  });

  it('asks the server nothing when nobody is signed in (the browser, local use)', async () => {
    citizen.mockReturnValue(null);
    stored.mockReturnValue([]);
    render(<MyRequestsPage />);
    expect(await screen.findByText('还没有反映过问题')).toBeVisible();
    expect(screen.getByText('在别的手机上提交的？用受理编号和手机号查询')).toBeVisible();
    expect(fromServer).not.toHaveBeenCalled();
  });
});

describe('mergeRows', () => {
  const row = (ticketNo: string, createdAt: string): Row => ({
    ticketNo,
    createdAt,
    ticket: null,
    savedAt: null,
    error: 'offline',
  });

  it('keeps the phone’s copy of a request the server lists too', () => {
    const phone = [row('A', '2026-11-02T00:00:00Z')];
    const merged = mergeRows(phone, [
      summary('A', '2026-11-02T00:00:00Z'),
      summary('B', '2026-11-03T00:00:00Z'),
    ]);
    expect(merged.map((r) => [r.ticketNo, r.error])).toEqual([
      ['B', ''],
      ['A', 'offline'],
    ]);
  });
});
