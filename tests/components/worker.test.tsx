import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CommitmentDetail } from '@/domain/commitment';
import type { Ticket } from '@/domain/ticket';
import { ApiError } from '@/services/http';
import * as auth from '@/services/auth';
import { getCommitment } from '@/services/commitments';
import { addTicketEvent, getStaffTicket, postCommitmentUpdate } from '@/services/worker';
import WorkerLoginPage from '@/worker/login';
import PostUpdatePage from '@/worker/post-update';
import WorkerTicketDetailPage from '@/worker/ticket-detail';

jest.mock('@/services/worker', () => ({
  postCommitmentUpdate: jest.fn(),
  getStaffTicket: jest.fn(),
  addTicketEvent: jest.fn(),
  listTicketQueue: jest.fn(),
}));
jest.mock('@/services/commitments', () => ({
  getCommitment: jest.fn(),
  listCommitments: jest.fn(),
}));

const SESSION: auth.StaffSession = {
  token: 't'.repeat(43),
  worker: { id: 's1', username: 'zhang', name: '张网格', role: 'worker', district: '新华区' },
  expiresAt: '2099-01-01T00:00:00.000Z',
};

function routeParams(params: Record<string, string>) {
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({
    router: { params },
  } as unknown as ReturnType<typeof Taro.getCurrentInstance>);
}

/** The text box inside a NutUI field, found by its placeholder. */
const field = (placeholder: string | RegExp) => screen.getByPlaceholderText(placeholder);
const type = (element: HTMLElement, value: string) =>
  fireEvent.change(element, { target: { value } });
const tap = (text: string) =>
  fireEvent.click(screen.getByText(text, { selector: 'button, button *' }));

beforeEach(() => jest.clearAllMocks());
afterEach(() => {
  jest.restoreAllMocks();
  Taro.clearStorageSync();
});

describe('the worker sign-in page', () => {
  it('asks for both fields before sending anything', async () => {
    const login = jest.spyOn(auth, 'login');
    render(<WorkerLoginPage />);
    tap('登录');
    expect(await screen.findByText('请填写用户名')).toBeVisible();
    expect(screen.getByText('请填写密码')).toBeVisible();
    expect(login).not.toHaveBeenCalled();
  });

  it('signs in and goes to the worker home', async () => {
    const login = jest.spyOn(auth, 'login').mockResolvedValue(SESSION);
    const redirect = jest.spyOn(Taro, 'redirectTo');
    render(<WorkerLoginPage />);
    type(field('请输入用户名'), 'zhang');
    type(field('请输入密码'), 'yingcheng2020');
    tap('登录');
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/worker/home/index' }));
    expect(login).toHaveBeenCalledWith('zhang', 'yingcheng2020');
  });

  it('goes back to the page it was opened over once signed in again', async () => {
    jest.spyOn(auth, 'login').mockResolvedValue(SESSION);
    routeParams({ back: '1' });
    jest
      .spyOn(Taro, 'getCurrentPages')
      .mockReturnValue([{ route: 'worker/post-update/index' }, { route: 'worker/login/index' }]);
    const back = jest.spyOn(Taro, 'navigateBack');
    const redirect = jest.spyOn(Taro, 'redirectTo');
    render(<WorkerLoginPage />);
    type(field('请输入用户名'), 'zhang');
    type(field('请输入密码'), 'yingcheng2020');
    tap('登录');
    await waitFor(() => expect(back).toHaveBeenCalled());
    expect(redirect).not.toHaveBeenCalled();
  });

  it("shows the server's message when the password is wrong", async () => {
    jest
      .spyOn(auth, 'login')
      .mockRejectedValue(new ApiError('invalid_credentials', '用户名或密码不正确', 401));
    render(<WorkerLoginPage />);
    type(field('请输入用户名'), 'zhang');
    type(field('请输入密码'), 'nope12345');
    tap('登录');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
  });
});

describe('staff calls', () => {
  it('forget the session and open sign-in over the page on a 401, once for calls failing together', async () => {
    Taro.setStorageSync('worker.session', SESSION);
    jest.spyOn(Taro, 'request').mockResolvedValue({
      statusCode: 401,
      data: { code: 'unauthorized', message: '请先登录' },
    } as never);
    const pages = [{ route: 'worker/post-update/index' }];
    jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => pages);
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(async ({ url }) => {
      pages.push({ route: url.replace(/^\/|\?.*$/g, '') });
      return undefined as never;
    });
    const redirect = jest.spyOn(Taro, 'redirectTo');
    await Promise.all([
      expect(auth.staffRequest('/api/auth/me')).rejects.toMatchObject({ status: 401 }),
      expect(auth.staffRequest('/api/tickets')).rejects.toMatchObject({ status: 401 }),
    ]);
    expect(auth.currentSession()).toBeNull();
    // Over the page, not instead of it: what the worker typed there is still there after signing in.
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith({ url: '/worker/login/index?back=1' });
    expect(redirect).not.toHaveBeenCalled();
  });

  it('carry the bearer token of the signed-in worker, and never a ticket token', async () => {
    Taro.setStorageSync('worker.session', SESSION);
    const request = jest
      .spyOn(Taro, 'request')
      .mockResolvedValue({ statusCode: 200, data: SESSION.worker } as never);
    await auth.staffRequest('/api/auth/me');
    const header = (request.mock.calls[0][0] as { header: Record<string, string> }).header;
    expect(header.Authorization).toBe(`Bearer ${SESSION.token}`);
    expect(Object.keys(header).map((k) => k.toLowerCase())).not.toContain('x-ticket-token');
  });

  it('treat an expired session as none', () => {
    Taro.setStorageSync('worker.session', { ...SESSION, expiresAt: '2020-01-01T00:00:00Z' });
    expect(auth.currentSession()).toBeNull();
    expect(auth.authHeaders()).toEqual({});
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
  progress: { percent: 0, current: null },
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
    type(field('例如 108'), '54');
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
      data: { ...COMMITMENT, progress: { percent: 50, current: 54 }, status: 'behind' },
      offline: false,
      savedAt: '',
    });
    type(field(/做了什么/), '54 个社区完成');
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
    type(field('例如 108'), '60');
    type(field(/做了什么/), '60 个社区完成');
    tap('提交进展');
    expect(await screen.findByText('网络超时，请稍后再试')).toBeVisible();
    tap('提交进展');
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    const keys = () => post.mock.calls.map((call) => call[2] as string);
    expect(keys()[1]).toBe(keys()[0]);

    type(field(/做了什么/), '60 个社区完成规范化建设');
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
    type(field('例如 108'), '10');
    type(field(/做了什么/), '开工十个');
    tap('提交进展');
    expect(await screen.findByText('照片需先上传成功后再提交')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('填写的内容有误');
  });
});

function ticketOf(status: Ticket['status']): Ticket {
  return {
    ticketNo: 'PDS20201120-0001',
    category: 'municipal',
    content: '建设路路灯连续一周不亮',
    district: '新华区',
    address: '建设路',
    commitmentId: null,
    photos: [],
    anonymous: false,
    contactName: '王女士',
    phone: '13812341234',
    status,
    createdAt: '2020-11-20T02:00:00Z',
    dueAt: '2099-11-27T02:00:00Z',
    resolvedAt: null,
    events: [{ status: 'received', note: '', actor: '市民', createdAt: '2020-11-20T02:00:00Z' }],
    ratings: [],
  };
}

describe('handling a request', () => {
  beforeEach(() => {
    Taro.setStorageSync('worker.session', SESSION);
    routeParams({ ticketNo: 'PDS20201120-0001' });
  });

  it.each([
    ['received', ['派单', '回复', '办结']],
    ['dispatched', ['开始办理', '回复', '办结']],
    ['in_progress', ['回复', '办结']],
    ['resolved', []],
  ] as const)('offers only the moves the state machine allows from %s', async (status, labels) => {
    (getStaffTicket as jest.Mock).mockResolvedValue(ticketOf(status));
    render(<WorkerTicketDetailPage />);
    expect(await screen.findByText('13812341234')).toBeVisible();
    const shown = screen
      .queryAllByRole('button')
      .map((b) => b.textContent?.trim())
      .filter((t) => ['派单', '开始办理', '回复', '办结'].includes(t ?? ''));
    expect(shown).toEqual(labels);
  });

  it('resolves with a note and shows the new status', async () => {
    (getStaffTicket as jest.Mock).mockResolvedValue(ticketOf('in_progress'));
    (addTicketEvent as jest.Mock).mockResolvedValue({
      ...ticketOf('resolved'),
      resolvedAt: '2020-11-21T02:00:00Z',
    });
    render(<WorkerTicketDetailPage />);
    await screen.findByText('13812341234');
    tap('办结');
    tap('确认办结');
    expect(await screen.findByText('请填写处理说明')).toBeVisible();
    expect(addTicketEvent).not.toHaveBeenCalled();
    type(field(/办理结果/), '路灯已更换');
    tap('确认办结');
    await waitFor(() =>
      expect(addTicketEvent).toHaveBeenCalledWith('PDS20201120-0001', {
        status: 'resolved',
        note: '路灯已更换',
      }),
    );
    expect(await screen.findByText('已办结')).toBeVisible();
  });

  it('says so and reloads when someone else moved the request first (409)', async () => {
    (getStaffTicket as jest.Mock).mockResolvedValue(ticketOf('received'));
    (addTicketEvent as jest.Mock).mockRejectedValue(
      new ApiError('invalid_transition', '当前状态下不能进行这一步', 409),
    );
    render(<WorkerTicketDetailPage />);
    await screen.findByText('13812341234');
    tap('派单');
    type(field(/派给谁办理/), '派至街道');
    tap('确认派单');
    expect(await screen.findByRole('alert')).toHaveTextContent('当前状态下不能进行这一步');
    await waitFor(() => expect(getStaffTicket).toHaveBeenCalledTimes(2));
  });
});
