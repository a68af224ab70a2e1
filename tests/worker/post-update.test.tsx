import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CommitmentDetail } from '@/domain/commitment';
import { getCommitment } from '@/services/commitments';
import { ApiError } from '@/services/http';
import { postCommitmentUpdate } from '@/services/worker';
import PostUpdatePage from '@/worker/post-update';
import { routeParams } from '../support/worker-fixtures';

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
  progress: { percent: 20, current: null, asOf: null, reachedOn: null },
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
    asOf: '2020-11-20',
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

  it('dates the figure today unless the worker picks the day it describes', async () => {
    open(ALL);
    await screen.findByText('老旧小区改造');
    const day = screen.getByLabelText('数据截至的日期', { selector: 'input' });
    expect(day).toHaveAttribute('min', '2020-01-01');
    fireEvent.change(day, { target: { value: '2020-12-31' } });
    expect(screen.getByText('2020年12月31日')).toBeVisible();

    posted(100);
    type('例如 60', '100');
    type(/做了什么/, '年底全部完工');
    tap('提交进展');
    await screen.findByText('已上报');
    expect(postCommitmentUpdate).toHaveBeenCalledWith(
      ALL.id,
      { percent: 100, note: '年底全部完工', photos: [], asOf: '2020-12-31' },
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

const COMMITMENT: CommitmentDetail = {
  id: 'housing-community-standardization-108',
  category: 'housing',
  title: '城区社区规范化建设',
  quote: '完成108个城区社区规范化建设',
  section: '二',
  target: { value: 108, unit: '个', qualifier: 'exact' },
  baseline2019: null,
  deadline: '2020-12-31',
  progress: { percent: 0, current: null, asOf: null, reachedOn: null },
  status: 'not_started',
  updatedAt: null,
  updates: [],
};

describe('posting an update', () => {
  beforeEach(() => {
    Taro.setStorageSync('worker.session', SESSION);
    routeParams({ id: COMMITMENT.id });
    (getCommitment as jest.Mock).mockResolvedValue({
      data: COMMITMENT,
      offline: false,
      savedAt: '',
    });
  });

  it('previews the new percent from the figure, checks the note, posts, and offers to share', async () => {
    render(<PostUpdatePage />);
    expect(await screen.findByText('城区社区规范化建设')).toBeVisible();
    tap('提交进展');
    expect(await screen.findByText('请填写完成数')).toBeVisible();
    type('例如 108', '54');
    expect(screen.getByText('提交后进度：50%')).toBeVisible();
    tap('提交进展');
    expect(await screen.findByText('请写明进展，至少 2 个字')).toBeVisible();
    expect(postCommitmentUpdate).not.toHaveBeenCalled();

    (postCommitmentUpdate as jest.Mock).mockResolvedValue({
      id: 'u1',
      commitmentId: COMMITMENT.id,
      author: { name: '张网格', role: 'worker' },
      value: 54,
      percent: 50,
      note: '54 个社区完成',
      photos: [],
      createdAt: '2020-11-20T02:00:00Z',
    });
    (getCommitment as jest.Mock).mockResolvedValue({
      data: {
        ...COMMITMENT,
        progress: { percent: 50, current: 54, asOf: null, reachedOn: null },
        status: 'behind',
      },
      offline: false,
      savedAt: '',
    });
    type(/做了什么/, '54 个社区完成');
    tap('提交进展');
    expect(await screen.findByText('已上报')).toBeVisible();
    expect(postCommitmentUpdate).toHaveBeenCalledWith(
      COMMITMENT.id,
      { value: 54, note: '54 个社区完成', photos: [] },
      expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
    );
    expect(screen.getByText('进度 50%')).toBeVisible();
    expect(screen.getByText('滞后')).toBeVisible();
    expect(screen.getByText('复制链接分享')).toBeVisible();
  });

  it('resends an update that timed out with the same key, and an edited one with a new key', async () => {
    const post = postCommitmentUpdate as jest.Mock;
    post.mockRejectedValue(new ApiError('timeout', '网络超时，请稍后再试'));
    render(<PostUpdatePage />);
    await screen.findByText('城区社区规范化建设');
    type('例如 108', '60');
    type(/做了什么/, '60 个社区完成');
    tap('提交进展');
    expect(await screen.findByText('网络超时，请稍后再试')).toBeVisible();
    tap('提交进展');
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    const keys = () => post.mock.calls.map((call) => call[2] as string);
    expect(keys()[1]).toBe(keys()[0]);

    type(/做了什么/, '60 个社区完成规范化建设');
    tap('提交进展');
    await waitFor(() => expect(post).toHaveBeenCalledTimes(3));
    expect(keys()[2]).not.toBe(keys()[0]);
  });

  it("shows the server's field messages when it refuses the update", async () => {
    (postCommitmentUpdate as jest.Mock).mockRejectedValue(
      new ApiError('validation_failed', '填写的内容有误，请按提示修改后再试', 400, [
        { field: 'photos', message: '照片需先上传成功后再提交' },
      ]),
    );
    render(<PostUpdatePage />);
    await screen.findByText('城区社区规范化建设');
    type('例如 108', '10');
    type(/做了什么/, '开工十个');
    tap('提交进展');
    expect(await screen.findByText('照片需先上传成功后再提交')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('填写的内容有误');
  });
});
