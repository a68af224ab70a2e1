import { render, screen, within } from '@testing-library/react';
import type { Figures } from '@/domain/figures';
import FiguresPage from '@/figures/index';
import { getFigures } from '@/services/figures';

jest.mock('@/services/figures', () => ({ getFigures: jest.fn() }));
const load = getFigures as jest.MockedFunction<typeof getFigures>;

const months = [
  '2025-04',
  '2025-05',
  '2025-06',
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
];
const FIGURES: Figures = {
  asOf: '2026-03-04T02:00:00.000Z',
  completion: [
    { category: 'education', name: '教育', total: 8, completed: 3, averagePercent: 62 },
    { category: 'health', name: '医疗健康', total: 5, completed: 5, averagePercent: 100 },
  ],
  weeks: Array.from({ length: 52 }, (_, i) => ({
    week: i === 51 ? '2026-03-02' : `2025-0${(i % 9) + 1}-0${(i % 7) + 1}`,
    counts: i === 51 ? { municipal: 4, environment: 3 } : {},
    total: i === 51 ? 7 : 0,
  })),
  months: months.map((month, i) => ({
    month,
    filed: i === 11 ? 120 : 0,
    closed: i === 11 ? 100 : 0,
    closureRate: i === 11 ? 0.833 : null,
    medianHoursToClose: i === 11 ? 60.5 : null,
    rated: i === 11 ? 50 : 0,
    satisfied: i === 11 ? 45 : 0,
    satisfactionRate: i === 11 ? 0.9 : null,
  })),
  districts: [
    { district: '新华区', filed: 70 },
    { district: '卫东区', filed: 50 },
  ],
};

/** A 2D context that records what was drawn (jsdom has no canvas). */
const drawn: string[] = [];
beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () =>
      new Proxy(
        {},
        {
          get:
            (_target, name) =>
            (...args: unknown[]) =>
              void drawn.push(`${String(name)} ${args.join(' ')}`),
          set: () => true,
        },
      ) as never,
  );
});

describe('数据', () => {
  it('draws each chart and gives every figure as text', async () => {
    load.mockResolvedValue({ data: FIGURES, offline: false, savedAt: FIGURES.asOf });
    render(<FiguresPage />);
    const completion = await screen.findByTestId('chart-completion');
    expect(
      within(completion).getByText('13 项中已完成 8 项；各类的平均进度见条形。'),
    ).toBeVisible();
    expect(
      within(completion).getByText('教育：8 项中已完成 3 项，平均进度 62%'),
    ).toBeInTheDocument();

    const weeks = screen.getByTestId('chart-weeks');
    expect(
      within(weeks).getByText(/近 52 周共收到 7 件；最多的是 3月2日起的一周，7 件/),
    ).toBeVisible();
    expect(
      within(weeks).getByText('3月2日起的一周：7 件（市政设施 4 件、环境卫生 3 件）'),
    ).toBeInTheDocument();

    const closure = screen.getByTestId('chart-closure');
    expect(
      within(closure).getByText(
        '2026年3月：收到 120 件，已办结 100 件，办结率 83%；办结用时中位数 2.5 天',
      ),
    ).toBeInTheDocument();
    expect(
      within(closure).getByText(
        '2025年4月：收到 0 件，已办结 0 件，办结率 暂无；办结用时中位数 暂无',
      ),
    ).toBeInTheDocument();

    const satisfaction = screen.getByTestId('chart-satisfaction');
    expect(
      within(satisfaction).getByText('2026年3月：评价 50 次，满意 45 次，满意率 90%'),
    ).toBeInTheDocument();
    const districts = screen.getByTestId('chart-districts');
    expect(within(districts).getByText('新华区：70 件')).toBeInTheDocument();
    expect(within(districts).getByText('最多的是新华区，70 件。')).toBeVisible();

    // The charts are drawn, and hidden from screen readers: the text above carries the figures.
    expect(drawn.some((call) => call.startsWith('fillText 教育'))).toBe(true);
    expect(drawn.some((call) => call.startsWith('fillText 新华区'))).toBe(true);
    for (const canvas of document.querySelectorAll('canvas'))
      expect(canvas).toHaveAttribute('aria-hidden', 'true');
  });

  it('says why when the figures cannot be loaded', async () => {
    load.mockRejectedValue(new Error('网络连接失败，请检查网络后重试'));
    render(<FiguresPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeVisible();
  });
});
