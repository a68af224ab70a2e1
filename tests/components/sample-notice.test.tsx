import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AppPage from '@/components/app-page';
import { ApiError, request } from '@/services/http';
import { resetSampleDataForTests } from '@/services/meta';

jest.mock('@/services/http', () => ({
  ...jest.requireActual('@/services/http'),
  request: jest.fn(),
}));
const api = request as jest.MockedFunction<typeof request>;

beforeEach(() => {
  Taro.clearStorageSync();
  resetSampleDataForTests();
  api.mockReset();
});

describe('the 示例数据 notice', () => {
  it('says on every page that the figures are sample data when the server holds some', async () => {
    api.mockResolvedValue({ sample: true });
    render(<AppPage>页面内容</AppPage>);
    expect(await screen.findByRole('note', { name: '示例数据' })).toHaveTextContent('不是真实情况');
    expect(api).toHaveBeenCalledWith('/api/meta');
  });

  it('shows nothing for real data', async () => {
    api.mockResolvedValue({ sample: false });
    render(<AppPage>页面内容</AppPage>);
    await waitFor(() => expect(api).toHaveBeenCalled());
    expect(screen.getByText('页面内容')).toBeInTheDocument();
    expect(screen.queryByTestId('sample-notice')).not.toBeInTheDocument();
  });

  it('still shows offline, from the last answer kept on the phone', async () => {
    api.mockResolvedValue({ sample: true });
    const first = render(<AppPage>页面内容</AppPage>);
    await screen.findByTestId('sample-notice');
    first.unmount();

    resetSampleDataForTests();
    api.mockRejectedValue(new ApiError('network_error', '网络不可用'));
    render(<AppPage>页面内容</AppPage>);
    expect(screen.getByTestId('sample-notice')).toBeInTheDocument();
  });
});
