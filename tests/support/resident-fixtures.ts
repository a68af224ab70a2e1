import type { Commitment, CommitmentDetail } from '@/domain/commitment';
import type { Ticket } from '@/domain/ticket';

const DAY = 86_400_000;

export function commitment(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: 'edu-kindergartens-11',
    category: 'education',
    title: '新建改扩建幼儿园',
    quote: '新建改扩建幼儿园11所',
    section: '二、(八) 切实保障和改善民生 · 优先发展教育事业',
    target: { value: 11, unit: '所', qualifier: 'exact' },
    baseline2019: { value: 24, unit: '所', quote: '新建改扩建幼儿园24所' },
    deadline: '2020-12-31',
    progress: { percent: 54, current: 6, asOf: null, reachedOn: null },
    status: 'behind',
    updatedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    ...overrides,
  };
}

export function detail(overrides: Partial<CommitmentDetail> = {}): CommitmentDetail {
  return {
    ...commitment(),
    updates: [
      {
        id: 'u2',
        commitmentId: 'edu-kindergartens-11',
        author: { name: '王敏', role: 'worker' },
        value: 6,
        percent: 54,
        note: '四所幼儿园开工建设',
        photos: ['/uploads/a.jpg', '/uploads/b.jpg'],
        asOf: '2020-12-31',
        createdAt: new Date(Date.now() - 3 * DAY).toISOString(),
      },
      {
        id: 'u1',
        commitmentId: 'edu-kindergartens-11',
        author: { name: '李老师', role: 'worker' },
        value: 3,
        percent: 27,
        note: '两所幼儿园主体完工',
        photos: [],
        asOf: '2020-06-30',
        createdAt: new Date(Date.now() - 40 * DAY).toISOString(),
      },
    ],
    ...overrides,
  };
}

/** n distinct commitments for a page of the list. */
export function many(n: number): Commitment[] {
  return Array.from({ length: n }, (_, i) =>
    commitment({ id: `c-${i}`, title: `民生实事 ${i + 1}`, status: 'on_track' }),
  );
}

/** A request as its submitter sees it: 已派单, filed on 11-10 and due on 11-17. */
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ticketNo: 'PDS20261120-1111',
    category: 'municipal',
    content: '建设路和中兴路口的路灯连续一周晚上不亮',
    district: '新华区',
    address: null,
    location: null,
    commitmentId: null,
    photos: [],
    anonymous: true,
    contactName: null,
    phone: null,
    contactEmail: null,
    status: 'dispatched',
    createdAt: '2026-11-10T02:00:00.000Z',
    dueAt: '2026-11-17T02:00:00.000Z',
    resolvedAt: null,
    events: [],
    ratings: [],
    ...overrides,
  };
}
