import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CommitmentDetailPage from '@/pages/commitment-detail';
import { getCommitment } from '@/services/commitments';
import { ApiError } from '@/services/http';
import { pullDown } from '../support/taro';
import { detail } from '../support/resident-fixtures';

jest.mock('@/services/commitments', () => ({ getCommitment: jest.fn() }));
const get = getCommitment as jest.MockedFunction<typeof getCommitment>;

beforeEach(() => {
  get.mockReset();
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({
    router: { params: { id: 'edu-kindergartens-11' } },
  } as unknown as ReturnType<typeof Taro.getCurrentInstance>);
});
afterEach(() => jest.restoreAllMocks());

const ready = (offline = false) => ({
  data: detail(),
  offline,
  savedAt: '2026-11-20T02:30:00.000Z',
});

describe('the commitment detail', () => {
  it('shows the title, progress, status and what it means, the quote with its section, and 2019', async () => {
    get.mockResolvedValue(ready());
    render(<CommitmentDetailPage />);
    expect(await screen.findByText('新建改扩建幼儿园')).toBeVisible();
    expect(get).toHaveBeenCalledWith('edu-kindergartens-11');
    expect(screen.getByText('6 / 11 所')).toBeVisible();
    expect(screen.getByText('进度 54%')).toBeVisible();
    expect(screen.getByTestId('status-meaning')).toHaveTextContent(
      '状态：滞后进度落后于时间，需要加快',
    );
    expect(screen.getByText('“新建改扩建幼儿园11所”')).toBeVisible();
    expect(
      screen.getByText(/平顶山市2020年政府工作报告 · 二、\(八\) 切实保障和改善民生/),
    ).toBeVisible();
    expect(screen.getByText('2019年：24 所')).toBeVisible();
  });

  it('lists the updates newest first with who, figure and note; a photo opens full-screen', async () => {
    const preview = jest.spyOn(Taro, 'previewImage');
    get.mockResolvedValue(ready());
    render(<CommitmentDetailPage />);
    const updates = await screen.findAllByTestId('update');
    expect(updates).toHaveLength(2);
    expect(within(updates[0]).getByText('6 所 · 进度 54%')).toBeVisible();
    expect(within(updates[0]).getByText(/王敏（社区工作者）/)).toBeVisible();
    expect(within(updates[0]).getByText('四所幼儿园开工建设')).toBeVisible();
    expect(within(updates[1]).getByText('3 所 · 进度 27%')).toBeVisible();
    fireEvent.click(within(updates[0]).getByLabelText('现场照片 2，点按查看大图'));
    expect(preview).toHaveBeenCalledWith({
      urls: ['/uploads/a.jpg', '/uploads/b.jpg'],
      current: '/uploads/b.jpg',
    });
  });

  it('反映问题 goes to the request form for this commitment', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo');
    get.mockResolvedValue(ready());
    render(<CommitmentDetailPage />);
    fireEvent.click(await screen.findByText('反映问题'));
    expect(navigate).toHaveBeenCalledWith({
      url: '/pages/request-form/index?commitmentId=edu-kindergartens-11',
    });
  });

  it('copies a deep link to share on H5', async () => {
    // H5 copies as Taro's setClipboardData does, with the copy command, within the tap (services/interaction.h5.ts).
    const copied: string[] = [];
    document.execCommand = jest.fn(() => {
      copied.push(document.querySelector('textarea')?.value ?? '');
      return true;
    });
    get.mockResolvedValue(ready());
    render(<CommitmentDetailPage />);
    fireEvent.click(await screen.findByText('复制链接分享'));
    expect(document.execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toEqual([
      'http://localhost/#/pages/commitment-detail/index?id=edu-kindergartens-11',
    ]);
  });

  it('shows kept data with the offline banner when the network is down', async () => {
    get.mockResolvedValue(ready(true));
    render(<CommitmentDetailPage />);
    expect(await screen.findByTestId('offline-banner')).toHaveTextContent('离线 · 数据截至');
    expect(screen.getByText('新建改扩建幼儿园')).toBeVisible();
  });

  it('refreshes on pull-down, and keeps the page with a message when the refresh fails', async () => {
    get.mockResolvedValueOnce(ready());
    render(<CommitmentDetailPage />);
    await screen.findByText('新建改扩建幼儿园');
    get.mockResolvedValueOnce({
      ...ready(),
      data: detail({ title: '新建改扩建幼儿园（已更新）' }),
    });
    await act(async () => pullDown());
    expect(screen.getByText('新建改扩建幼儿园（已更新）')).toBeVisible();

    const toast = jest.spyOn(Taro, 'showToast');
    get.mockRejectedValueOnce(new ApiError('network_error', '网络连接失败，请检查网络后重试'));
    await act(async () => pullDown());
    expect(screen.getByText('新建改扩建幼儿园（已更新）')).toBeVisible();
    expect(toast).toHaveBeenCalledWith({ title: '网络连接失败，请检查网络后重试', icon: 'none' });
  });

  it('shows a not-found error with retry', async () => {
    get.mockRejectedValueOnce(new ApiError('not_found', '没有找到这项民生实事', 404));
    render(<CommitmentDetailPage />);
    expect(await screen.findByText('没有找到这项民生实事')).toBeVisible();
    get.mockResolvedValueOnce(ready());
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('新建改扩建幼儿园')).toBeVisible();
  });
});
