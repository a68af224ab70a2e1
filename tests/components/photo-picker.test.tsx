import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PhotoPicker from '@/components/photo-picker';
import { ApiError } from '@/services/http';
import { uploadPhoto } from '@/services/uploads';

jest.mock('@/services/uploads', () => ({ uploadPhoto: jest.fn() }));
jest.mock('@/services/local-photos', () => ({
  keepLocalPhoto: jest.fn(async (path: string) => `kept:${path}`),
  forgetLocalPhoto: jest.fn(),
}));

const upload = uploadPhoto as jest.MockedFunction<typeof uploadPhoto>;

/** The picker in a form that keeps its list, as the two forms do. */
function Form({ max, initial = [] }: { max: number; initial?: string[] }) {
  const [photos, setPhotos] = useState(initial);
  return <PhotoPicker value={photos} max={max} onChange={setPhotos} />;
}

function choose(...paths: string[]) {
  return jest.spyOn(Taro, 'chooseImage').mockResolvedValueOnce({
    tempFilePaths: paths,
    tempFiles: [],
    errMsg: 'chooseImage:ok',
  });
}

beforeEach(() => upload.mockReset());
afterEach(() => jest.restoreAllMocks());

describe('PhotoPicker', () => {
  it('offers room for as many photos as its form takes, and no more', async () => {
    upload.mockImplementation(async (path) => `/api/uploads/${path.slice(-5)}`);
    const chooser = choose('wx://a.png', 'wx://b.png', 'wx://c.png');
    render(<Form max={2} />);
    expect(screen.getByText('添加照片（0/2）')).toBeVisible();

    await act(async () => fireEvent.click(screen.getByText(/添加照片/)));
    expect(chooser).toHaveBeenCalledWith(expect.objectContaining({ count: 2 }));
    expect(screen.getAllByLabelText(/^照片 \d$/)).toHaveLength(2);
    expect(screen.queryByText(/添加照片/)).toBeNull();
  });

  it('leaves out a photo that did not go up with no network, unless its form keeps it on the phone', async () => {
    upload.mockRejectedValue(new ApiError('network_error', '网络连接失败'));
    choose('wx://a.png');
    render(<Form max={3} />);
    await act(async () => fireEvent.click(screen.getByText(/添加照片/)));
    expect(screen.queryAllByLabelText(/^照片 \d$/)).toHaveLength(0);
    expect(screen.getByText('有照片没传上去：网络连接失败')).toBeVisible();
  });

  it('marks a photo kept on the phone 待上传 and says it goes with the request', () => {
    render(<Form max={3} initial={['/api/uploads/a.png', 'kept:wx://b.png']} />);
    expect(screen.getAllByText('待上传')).toHaveLength(1);
    expect(screen.getByText(/没有网络时选的，先存在手机上/)).toBeVisible();
  });

  it('deletes a photo', () => {
    render(<Form max={3} initial={['/api/uploads/a.png', '/api/uploads/b.png']} />);
    fireEvent.click(screen.getByLabelText('删除照片 1'));
    expect(screen.getAllByLabelText(/^照片 \d$/)).toHaveLength(1);
    expect(screen.getByText('添加照片（1/3）')).toBeVisible();
  });
});
