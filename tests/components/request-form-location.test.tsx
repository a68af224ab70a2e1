import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RequestForm from '@/components/request-form';
import { pickPlace } from '@/services/location';
import { submitTicket } from '@/services/outbox';

jest.mock('@/services/outbox', () => ({
  submitTicket: jest.fn(),
  deliveredTicketNo: jest.fn(() => undefined),
  subscribeOutbox: jest.fn(() => () => undefined),
}));
jest.mock('@/services/commitments', () => ({
  listCommitments: jest.fn(async () => ({ data: { items: [], nextCursor: null, total: 0 } })),
}));
jest.mock('@/services/location', () => ({ pickPlace: jest.fn() }));

const submit = submitTicket as jest.MockedFunction<typeof submitTicket>;
const pick = pickPlace as jest.MockedFunction<typeof pickPlace>;
const PLACE = { lat: 33.737629, long: 113.192661 };

function section(label: string): HTMLElement {
  return screen.getByText(label).closest('.request-form__section') as HTMLElement;
}

async function fillAndSend() {
  fireEvent.click(screen.getByRole('radio', { name: '市政设施' }));
  fireEvent.change(screen.getByPlaceholderText(/出了什么问题/), {
    target: { value: '建设路和中兴路口的路灯连续一周晚上不亮' },
  });
  fireEvent.click(screen.getByRole('radio', { name: '新华区' }));
  fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
  fireEvent.click(screen.getByText('我已阅读并同意以上说明'));
  await act(async () => fireEvent.click(screen.getByText('提交诉求')));
}

beforeEach(() => {
  Taro.clearStorageSync();
  submit.mockReset();
  submit.mockResolvedValue({ state: 'queued', key: 'k-1' });
  pick.mockReset();
});

describe('the 选择位置 step of the request form', () => {
  it('says in plain words who sees a location, before anyone picks one', () => {
    render(<RequestForm />);
    const step = section('在地图上的位置（可不选）');
    expect(
      within(step).getByText(/位置只给办理这件诉求的工作人员看，不会公开。不选也可以提交/),
    ).toBeVisible();
    expect(screen.getByText(/位置属于敏感个人信息/)).toBeVisible();
  });

  it('sends the picked place with the request, and only its two coordinates', async () => {
    pick.mockResolvedValue({ kind: 'picked', location: PLACE, label: '建设路与中兴路交叉口' });
    render(<RequestForm />);
    await act(async () => fireEvent.click(screen.getByText('选择位置')));
    expect(screen.getByText('已选位置：建设路与中兴路交叉口')).toBeVisible();
    await fillAndSend();
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0][0].location).toEqual(PLACE);
  });

  it('sends no location when the person takes it back, or never picks one', async () => {
    pick.mockResolvedValue({ kind: 'picked', location: PLACE, label: '您现在的位置' });
    render(<RequestForm />);
    await act(async () => fireEvent.click(screen.getByText('选择位置')));
    fireEvent.click(screen.getByText('不用位置'));
    expect(screen.queryByText(/已选位置/)).toBeNull();
    await fillAndSend();
    expect(submit.mock.calls[0][0]).not.toHaveProperty('location');
  });

  it('says why no place came, and the form still sends without one', async () => {
    pick.mockResolvedValue({
      kind: 'failed',
      message: '没有获得定位权限。可以在浏览器设置里允许，或者不选位置',
    });
    render(<RequestForm />);
    await act(async () => fireEvent.click(screen.getByText('选择位置')));
    expect(within(section('在地图上的位置（可不选）')).getByText(/没有获得定位权限/)).toBeVisible();
    await fillAndSend();
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('shows the domain’s refusal of a place outside China next to the step', async () => {
    pick.mockResolvedValue({ kind: 'picked', location: { lat: 51.5, long: -0.12 }, label: '伦敦' });
    render(<RequestForm />);
    await act(async () => fireEvent.click(screen.getByText('选择位置')));
    await fillAndSend();
    expect(submit).not.toHaveBeenCalled();
    expect(
      within(section('在地图上的位置（可不选）')).getByText('经度不在中国境内，请重新选择位置'),
    ).toBeVisible();
  });
});
