import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CommitmentDetail } from '@/domain/commitment';
import { getCommitment } from '@/services/commitments';
import { postCommitmentUpdate } from '@/services/worker';
import PostUpdatePage from '@/worker/post-update';

jest.mock('@/services/worker', () => ({ postCommitmentUpdate: jest.fn() }));
jest.mock('@/services/commitments', () => ({
  getCommitment: jest.fn(),
  listCommitments: jest.fn(),
}));

const SESSION = {
  token: 't'.repeat(43),
  worker: { id: 's1', username: 'zhang', name: '张网格', role: 'worker', district: '新华区' },
  expiresAt: '2099-01-01T00:00:00.000Z',
};

/** 全部完成: a target that counts no figure. */
const ALL: CommitmentDetail = {
  id: 'housing-old-estates-all',
  category: 'housing',
  title: '老旧小区改造',
  quote: '全部完成老旧小区改造',
  section: '二',
  target: { value: 1, unit: '项', qualifier: 'all' },
  baseline2019: null,
  deadline: '2020-12-31',
  progress: { percent: 20, current: null },
  status: 'behind',
  updatedAt: null,
  updates: [],
};

const COUNTED: CommitmentDetail = {
  ...ALL,
  id: 'housing-community-standardization-108',
  title: '城区社区规范化建设',
  target: { value: 108, unit: '个', qualifier: 'exact' },
};

function open(commitment: CommitmentDetail) {
  Taro.setStorageSync('worker.session', SESSION);
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({
    router: { params: { id: commitment.id } },
  } as never);
  (getCommitment as jest.Mock).mockResolvedValue({ data: commitment, offline: false, savedAt: '' });
  render(<PostUpdatePage />);
}

const type = (placeholder: string | RegExp, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const tap = (text: string) =>
  fireEvent.click(screen.getByText(text, { selector: 'button, button *' }));

function posted(percent: number) {
  (postCommitmentUpdate as jest.Mock).mockResolvedValue({
    id: 'u1',
    commitmentId: ALL.id,
    author: { name: '张网格', role: 'worker' },
    value: null,
    percent,
    note: '进展',
    photos: [],
    createdAt: '2020-11-20T02:00:00Z',
  });
}

afterEach(() => {
  jest.restoreAllMocks();
  jest.clearAllMocks();
  Taro.clearStorageSync();
});

describe('the progress form', () => {
  it('takes a percent only for a 全部完成 target, as the domain rule has it', async () => {
    open(ALL);
    expect(await screen.findByText('老旧小区改造')).toBeVisible();
    expect(screen.getByText(/目标 全部完成/)).toBeVisible();
    expect(screen.queryByText('上报方式')).toBeNull();
    expect(screen.queryByPlaceholderText(/^例如 1$/)).toBeNull();

    posted(40);
    type('例如 60', '40');
    type(/做了什么/, '一期工程完工');
    tap('提交进展');
    await screen.findByText('已上报');
    expect(postCommitmentUpdate).toHaveBeenCalledWith(
      ALL.id,
      { percent: 40, note: '一期工程完工', photos: [] },
      expect.any(String),
    );
  });

  it('starts 再报一条 empty, in the way the worker reported last', async () => {
    open(COUNTED);
    await screen.findByText('城区社区规范化建设');
    fireEvent.click(screen.getByText('完成百分比'));
    posted(30);
    type('例如 60', '30');
    type(/做了什么/, '三成社区完成');
    tap('提交进展');
    await screen.findByText('已上报');

    tap('再报一条');
    await waitFor(() => expect(screen.getByPlaceholderText('例如 60')).toHaveValue(''));
    expect(screen.getByPlaceholderText(/做了什么/)).toHaveValue('');
    expect(screen.queryByText('请写明进展，至少 2 个字')).toBeNull();
  });
});
