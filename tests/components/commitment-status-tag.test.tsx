import { render, screen } from '@testing-library/react';
import CommitmentStatusTag from '@/components/commitment-status-tag';

describe('CommitmentStatusTag', () => {
  it.each([
    ['not_started', '未启动'],
    ['on_track', '推进中'],
    ['behind', '滞后'],
    ['done', '已完成'],
  ] as const)('names the status %s in words: %s', (status, name) => {
    render(<CommitmentStatusTag status={status} />);
    const tag = screen.getByText(name);
    expect(tag).toBeVisible();
    expect(tag.closest(`.commitment-status-tag--${status}`)).not.toBeNull();
  });
});
