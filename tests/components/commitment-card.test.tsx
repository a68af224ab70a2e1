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

  it('names everything in its accessible label, so a screen reader reads the card as one link', () => {
    render(<CommitmentCard commitment={commitment()} onOpen={() => undefined} />);
    expect(screen.getByRole('link')).toHaveAttribute(
      'aria-label',
      '新建改扩建幼儿园，6 / 11 所，进度54%，滞后，3 天前更新',
    );
  });

  it('says 尚未更新 and 未上报 before the first update', () => {
    render(
      <CommitmentCard
        commitment={commitment({
          progress: { percent: 0, current: null },
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
        commitment={{ ...base, progress: { percent: 64, current: 7 } }}
        onOpen={onOpen}
      />,
    );
    expect(spy.mock.calls.length).toBeGreaterThan(renders);
    expect(screen.getByText('7 / 11 所')).toBeVisible();
    spy.mockRestore();
  });
});
