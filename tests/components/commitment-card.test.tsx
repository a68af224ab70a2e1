import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import CommitmentCard from '@/components/commitment-card';
import * as time from '@/services/time';
import { commitment } from '../support/resident-fixtures';

describe('CommitmentCard', () => {
  it('shows the category, title, delivered against target, status in words and when it last moved', () => {
    render(<CommitmentCard commitment={commitment()} onOpen={() => undefined} />);
    expect(screen.getByText('教育')).toBeVisible();
    expect(screen.getByText('新建改扩建幼儿园')).toBeVisible();
    expect(screen.getByText('6 / 11 所')).toBeVisible();
    expect(screen.getByText('54%')).toBeVisible();
    expect(screen.getByText('滞后')).toBeVisible();
    expect(screen.getByText('3 天前更新')).toBeVisible();
  });

  it('is one link named by the words it shows, so a screen reader reads what the eye reads', () => {
    render(<CommitmentCard commitment={commitment()} onOpen={() => undefined} />);
    const link = screen.getByRole('link');
    expect(link).not.toHaveAttribute('aria-label');
    expect(link).toHaveAccessibleName(/新建改扩建幼儿园.*6 \/ 11 所.*54%.*3 天前更新/);
    expect(link).toHaveAccessibleName(/滞后/);
  });

  it('says 尚未更新 and 未上报 before the first update', () => {
    render(
      <CommitmentCard
        commitment={commitment({
          progress: { percent: 0, current: null, asOf: null, reachedOn: null },
          status: 'not_started',
          updatedAt: null,
        })}
        onOpen={() => undefined}
      />,
    );
    expect(screen.getByText('未上报 / 11 所')).toBeVisible();
    expect(screen.getByText('尚未更新')).toBeVisible();
    expect(screen.getByText('未启动')).toBeVisible();
  });

  it('gives the verdict once the deadline has passed, and how late a late promise was kept', () => {
    render(
      <CommitmentCard
        commitment={commitment({
          progress: { percent: 100, current: 11, asOf: '2021-04-01', reachedOn: '2021-03-15' },
          status: 'done_late',
        })}
        onOpen={() => undefined}
      />,
    );
    expect(screen.getByText('逾期完成')).toBeVisible();
    expect(screen.getByText('11 / 11 所')).toBeVisible();
    expect(screen.getByText('晚了 3 个月')).toBeVisible();
  });

  it('says plainly that a promise was never reported on, with no 0% and no bar', () => {
    render(
      <CommitmentCard
        commitment={commitment({
          progress: { percent: 0, current: null, asOf: null, reachedOn: null },
          status: 'unreported',
          updatedAt: null,
        })}
        onOpen={() => undefined}
      />,
    );
    expect(screen.getByText('未上报')).toBeVisible();
    expect(screen.getByText('期限已过，从未上报进展')).toBeVisible();
    expect(screen.queryByText(/0%/)).toBeNull();
    expect(screen.getByRole('link')).not.toHaveAccessibleName(/进度/);
  });

  it('opens the commitment by its id when tapped', () => {
    const onOpen = jest.fn();
    render(<CommitmentCard commitment={commitment()} onOpen={onOpen} />);
    fireEvent.click(screen.getByTestId('commitment-card'));
    expect(onOpen).toHaveBeenCalledWith('edu-kindergartens-11');
  });

  it('does not render again when the list hands it an equal commitment (a refetch, a filter change)', () => {
    const spy = jest.spyOn(time, 'fromNow');
    const onOpen = jest.fn();
    const base = commitment();
    const { rerender } = render(<CommitmentCard commitment={base} onOpen={onOpen} />);
    const renders = spy.mock.calls.length;
    rerender(
      <CommitmentCard commitment={{ ...base, progress: { ...base.progress } }} onOpen={onOpen} />,
    );
    expect(spy.mock.calls.length).toBe(renders);
    rerender(
      <CommitmentCard
        commitment={{ ...base, progress: { percent: 64, current: 7, asOf: null, reachedOn: null } }}
        onOpen={onOpen}
      />,
    );
    expect(spy.mock.calls.length).toBeGreaterThan(renders);
    expect(screen.getByText('7 / 11 所')).toBeVisible();
    spy.mockRestore();
  });
});
