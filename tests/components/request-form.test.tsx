import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RequestForm from '@/components/request-form';
import { clearDraft, EMPTY_DRAFT, saveDraft } from '@/components/request-form/draft';
import { ApiError } from '@/services/http';
import { listCommitments } from '@/services/commitments';
import { submitTicket, type SubmitResult } from '@/services/outbox';
import { uploadPhoto } from '@/services/uploads';
import { showPages } from '../support/taro';

jest.mock('@/services/outbox', () => ({
  submitTicket: jest.fn(),
  deliveredTicketNo: jest.fn(() => undefined),
  subscribeOutbox: jest.fn(() => () => undefined),
}));
jest.mock('@/services/uploads', () => ({
  ...jest.requireActual('@/services/uploads'),
  uploadPhoto: jest.fn(),
}));
jest.mock('@/services/local-photos', () => ({
  keepLocalPhoto: jest.fn(async (path: string) => `kept:${path}`),
  forgetLocalPhoto: jest.fn(),
}));
jest.mock('@/services/commitments', () => ({
  listCommitments: jest.fn(async () => ({ data: { items: [], nextCursor: null, total: 0 } })),
}));

const submit = submitTicket as jest.MockedFunction<typeof submitTicket>;
const upload = uploadPhoto as jest.MockedFunction<typeof uploadPhoto>;

/** A promise the test settles by hand, to hold an upload or a send in flight. */
function deferred<T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Picks one photo whose upload waits for the returned resolver. */
async function pickPhoto() {
  const pending = deferred<string>();
  upload.mockReturnValueOnce(pending.promise);
  jest.spyOn(Taro, 'chooseImage').mockResolvedValueOnce({
    tempFilePaths: ['wx://photo.jpg'],
    tempFiles: [],
    errMsg: 'chooseImage:ok',
  });
  await act(async () => fireEvent.click(screen.getByText(/添加照片/)));
  return pending.resolve;
}

const photoCount = () => screen.queryAllByLabelText(/^照片 \d$/).length;

function section(label: string): HTMLElement {
  return screen.getByText(label).closest('.request-form__section') as HTMLElement;
}

function typeInto(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

const CONTENT = '建设路和中兴路口的路灯连续一周晚上不亮';

function fillEverythingButPhoneAndConsent() {
  fireEvent.click(screen.getByRole('radio', { name: '市政设施' }));
  typeInto(screen.getByPlaceholderText(/出了什么问题/), CONTENT);
  fireEvent.click(screen.getByRole('radio', { name: '新华区' }));
}

function tickConsent() {
  fireEvent.click(screen.getByText('我已阅读并同意以上说明'));
}

function pressSubmit() {
  fireEvent.click(screen.getByText('提交诉求'));
}

beforeEach(() => {
  Taro.clearStorageSync();
  submit.mockReset();
  upload.mockReset();
});

describe('RequestForm', () => {
  it('shows each rule next to its field, in Chinese, and sends nothing while one is broken', async () => {
    render(<RequestForm />);
    pressSubmit();

    expect(within(section('反映什么问题')).getByText('请选择诉求类别')).toBeVisible();
    expect(within(section('具体情况')).getByText('请把问题说清楚，至少 10 个字')).toBeVisible();
    expect(within(section('在哪个县（市、区）')).getByText('请选择所在县（市、区）')).toBeVisible();
    expect(within(section('联系方式')).getByText('请填写手机号码，或选择匿名反映')).toBeVisible();
    expect(
      within(section('我已阅读并同意以上说明')).getByText('请阅读并同意个人信息处理说明'),
    ).toBeVisible();
    expect(screen.getByText('还有内容需要修改，请看红字提示')).toBeVisible();
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows a wrong phone number as soon as the person leaves the field', () => {
    render(<RequestForm />);
    const phone = screen.getByPlaceholderText(/11 位手机号码/);
    typeInto(phone, '12345');
    fireEvent.blur(phone);
    expect(within(section('联系方式')).getByText('请填写 11 位手机号码')).toBeVisible();
    expect(screen.queryByText('请选择诉求类别')).toBeNull();
  });

  it('counts the characters of the text as the person types, and names the chosen category', () => {
    render(<RequestForm />);
    expect(screen.getByTestId('content-counter')).toHaveTextContent('0/1000');
    typeInto(screen.getByPlaceholderText(/出了什么问题/), '路灯不亮了😀');
    expect(screen.getByTestId('content-counter')).toHaveTextContent('6/1000');
    fireEvent.click(screen.getByRole('radio', { name: '市政设施' }));
    expect(screen.getByText('包括：路灯、道路、井盖、供水供气')).toBeVisible();
  });

  it('needs a phone number unless the person chooses to stay anonymous', async () => {
    submit.mockResolvedValue({ state: 'queued', key: 'k-1' });
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    tickConsent();
    pressSubmit();
    expect(screen.getByText('请填写手机号码，或选择匿名反映')).toBeVisible();
    expect(submit).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    expect(screen.getByText('手机号码（可不填）')).toBeVisible();
    expect(screen.queryByText('请填写手机号码，或选择匿名反映')).toBeNull();
    await act(async () => pressSubmit());

    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0][0]).toMatchObject({
      category: 'municipal',
      content: CONTENT,
      district: '新华区',
      anonymous: true,
      consent: true,
    });
    expect(submit.mock.calls[0][0].phone).toBeUndefined();
  });

  it('will not send until the privacy notice is agreed to', async () => {
    submit.mockResolvedValue({ state: 'queued', key: 'k-2' });
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    typeInto(screen.getByPlaceholderText(/11 位手机号码/), '13812341234');
    pressSubmit();
    expect(screen.getByText('请阅读并同意个人信息处理说明')).toBeVisible();
    expect(screen.getByText(/只用于办理和回复这件诉求/)).toBeVisible();
    expect(submit).not.toHaveBeenCalled();

    tickConsent();
    await act(async () => pressSubmit());
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0][0]).toMatchObject({ phone: '13812341234', anonymous: false });
  });

  it('shows the ticket number to read out, once the request is received', async () => {
    const result: SubmitResult = {
      state: 'sent',
      key: 'k-3',
      ticket: {
        ticketNo: 'PDS20261126-4821',
        accessToken: 'token',
        status: 'received',
        dueAt: '2026-12-03T07:00:00.000Z',
      } as never,
    };
    submit.mockResolvedValue(result);
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    typeInto(screen.getByPlaceholderText(/11 位手机号码/), '13812341234');
    tickConsent();
    await act(async () => pressSubmit());

    expect(screen.getByTestId('ticket-no')).toHaveTextContent('PDS20261126-4821');
    expect(screen.getByText('复制编号')).toBeVisible();
    expect(screen.getByText('查看办理进度')).toBeVisible();
  });

  it('says 待发送 when the request is waiting for the network', async () => {
    submit.mockResolvedValue({ state: 'queued', key: 'k-4' });
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    tickConsent();
    await act(async () => pressSubmit());
    expect(screen.getByText('待发送')).toBeVisible();
    expect(screen.getByText(/网络恢复后会自动发送/)).toBeVisible();
  });

  it("puts the server's field messages next to the same fields and keeps what was typed", async () => {
    submit.mockRejectedValue(
      new ApiError('validation_failed', '填写的内容有误，请按提示修改后再试', 400, [
        { field: 'content', message: '内容里有不能提交的字符' },
      ]),
    );
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    tickConsent();
    await act(async () => pressSubmit());

    expect(within(section('具体情况')).getByText('内容里有不能提交的字符')).toBeVisible();
    expect(screen.getByText('填写的内容有误，请按提示修改后再试')).toBeVisible();
    expect(screen.getByPlaceholderText(/出了什么问题/)).toHaveValue(CONTENT);
  });

  it('keeps the draft when the person leaves the page and comes back', () => {
    const first = render(<RequestForm />);
    typeInto(screen.getByPlaceholderText(/出了什么问题/), CONTENT);
    fireEvent.click(screen.getByRole('radio', { name: '卫东区' }));
    first.unmount();

    render(<RequestForm />);
    expect(screen.getByPlaceholderText(/出了什么问题/)).toHaveValue(CONTENT);
    expect(screen.getByRole('radio', { name: '卫东区' })).toHaveAttribute('aria-checked', 'true');
  });

  it('saves the draft a moment after typing stops, without leaving the page', () => {
    jest.useFakeTimers();
    try {
      render(<RequestForm />);
      typeInto(screen.getByPlaceholderText(/出了什么问题/), CONTENT);
      act(() => jest.advanceTimersByTime(1000));
      expect(Taro.getStorageSync('tickets.draft')).toMatchObject({ content: CONTENT });
    } finally {
      jest.useRealTimers();
    }
  });

  it('forgets the draft once the request is sent, even when sent right after the last keystroke', async () => {
    jest.useFakeTimers();
    try {
      submit.mockResolvedValue({ state: 'queued', key: 'k-5' });
      render(<RequestForm />);
      fillEverythingButPhoneAndConsent();
      fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
      tickConsent();
      await act(async () => pressSubmit());
      await act(async () => jest.advanceTimersByTime(1000));
      expect(Taro.getStorageSync('tickets.draft')).toBe('');
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits for photos still uploading before it sends, then sends them', async () => {
    submit.mockResolvedValue({ state: 'queued', key: 'k-6' });
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    tickConsent();
    const finishUpload = await pickPhoto();
    await act(async () => pressSubmit());
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByText('照片还在上传，请等上传完再提交')).toBeVisible();

    await act(async () => finishUpload('/api/uploads/a.png'));
    expect(screen.queryByText('照片还在上传，请等上传完再提交')).toBeNull();
    await act(async () => pressSubmit());
    expect(submit).toHaveBeenCalledWith(
      expect.objectContaining({ photos: ['/api/uploads/a.png'] }),
    );
  });

  it('keeps a photo picked with no network on the phone, marked 待上传, and files it with the request', async () => {
    submit.mockResolvedValue({ state: 'queued', key: 'k-9' });
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    tickConsent();
    const upload = await pickPhoto();
    await act(async () => upload(Promise.reject(new ApiError('network_error', '网络连接失败'))));
    expect(screen.getByText('待上传')).toBeVisible();
    expect(screen.getByText(/没有网络时选的，先存在手机上/)).toBeVisible();
    await act(async () => pressSubmit());
    expect(submit).toHaveBeenCalledWith(
      expect.objectContaining({ photos: ['kept:wx://photo.jpg'] }),
    );
  });

  it('leaves out a photo the server refused, and says why', async () => {
    render(<RequestForm />);
    const upload = await pickPhoto();
    await act(async () =>
      upload(
        Promise.reject(
          new ApiError('unsupported_image', '只能上传 JPG、PNG、WebP 或 GIF 图片', 415),
        ),
      ),
    );
    expect(photoCount()).toBe(0);
    expect(screen.getByText('有照片没传上去：只能上传 JPG、PNG、WebP 或 GIF 图片')).toBeVisible();
  });

  it('keeps a photo deleted while another was uploading deleted', async () => {
    render(<RequestForm />);
    const first = await pickPhoto();
    await act(async () => first('/api/uploads/a.png'));
    const second = await pickPhoto();
    fireEvent.click(screen.getByLabelText('删除照片 1'));
    await act(async () => second('/api/uploads/b.png'));
    expect(photoCount()).toBe(1);
    expect(screen.getByLabelText('照片 1')).toHaveAttribute(
      'src',
      expect.stringContaining('b.png'),
    );
  });

  it('does not bring a sent request back when a photo finishes after sending', async () => {
    const sending = deferred<SubmitResult>();
    submit.mockReturnValue(sending.promise);
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    tickConsent();
    await act(async () => pressSubmit());
    const late = await pickPhoto();
    await act(async () => sending.resolve({ state: 'queued', key: 'k-7' }));
    await act(async () => late('/api/uploads/late.png'));
    await act(async () => new Promise((r) => setTimeout(r, 500)));
    expect(Taro.getStorageSync('tickets.draft')).toBe('');
    fireEvent.click(screen.getByText('再反映一个问题'));
    expect(screen.getByPlaceholderText(/出了什么问题/)).toHaveValue('');
  });

  it('takes up the stored draft when it shows again, as 修改后重新提交 leaves it', () => {
    render(<RequestForm />);
    saveDraft({ ...EMPTY_DRAFT, content: CONTENT, district: '叶县' });
    act(() => showPages());
    expect(screen.getByPlaceholderText(/出了什么问题/)).toHaveValue(CONTENT);
    expect(screen.getByRole('radio', { name: '叶县' })).toHaveAttribute('aria-checked', 'true');
  });

  it('leaves its receipt for the form when a refused request is put back to be fixed', async () => {
    submit.mockResolvedValue({ state: 'queued', key: 'k-8' });
    render(<RequestForm />);
    fillEverythingButPhoneAndConsent();
    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    tickConsent();
    await act(async () => pressSubmit());
    act(() => showPages());
    expect(screen.getByText('待发送')).toBeVisible();

    // 我的诉求 → 修改后重新提交 stores the refused request as the draft and switches to this tab.
    saveDraft({ ...EMPTY_DRAFT, content: CONTENT, district: '郏县', anonymous: true });
    act(() => showPages());
    expect(screen.getByPlaceholderText(/出了什么问题/)).toHaveValue(CONTENT);
    expect(screen.getByRole('radio', { name: '郏县' })).toHaveAttribute('aria-checked', 'true');
  });

  it('shows an empty form again once its draft was sent from another page, and keeps unsaved edits', () => {
    jest.useFakeTimers();
    try {
      render(<RequestForm />);
      typeInto(screen.getByPlaceholderText(/出了什么问题/), CONTENT);
      act(() => jest.advanceTimersByTime(1000));
      // 反映问题 took the same draft and sent it.
      clearDraft();
      act(() => showPages());
      expect(screen.getByPlaceholderText(/出了什么问题/)).toHaveValue('');

      // Typing not saved yet when the page shows again: the person's words win.
      typeInto(screen.getByPlaceholderText(/出了什么问题/), '刚刚输入还没保存的内容');
      act(() => showPages());
      expect(screen.getByPlaceholderText(/出了什么问题/)).toHaveValue('刚刚输入还没保存的内容');
    } finally {
      jest.useRealTimers();
    }
  });

  it('links a commitment found by a word of its title, and sends its id', async () => {
    (listCommitments as jest.Mock).mockResolvedValueOnce({
      data: {
        items: [{ id: 'edu-1', title: '新建改扩建中小学 11 所' }],
        nextCursor: null,
        total: 1,
      },
      offline: false,
      savedAt: '',
    });
    submit.mockResolvedValue({ state: 'queued', key: 'k-10' });
    render(<RequestForm />);
    typeInto(screen.getByPlaceholderText(/输入关键词查找/), '中小学');
    fireEvent.click(await screen.findByText('新建改扩建中小学 11 所'));
    expect(
      within(screen.getByTestId('linked-commitment')).getByText('新建改扩建中小学 11 所'),
    ).toBeVisible();
    expect(listCommitments).toHaveBeenCalledWith({ q: '中小学' }, null, 5);

    fillEverythingButPhoneAndConsent();
    fireEvent.click(screen.getByText('匿名反映（可以不留电话）'));
    tickConsent();
    await act(async () => pressSubmit());
    expect(submit).toHaveBeenCalledWith(expect.objectContaining({ commitmentId: 'edu-1' }));
  });

  it('shows the commitment it was opened from', () => {
    render(<RequestForm commitment={{ id: 'edu-1', title: '新建改扩建中小学 11 所' }} />);
    expect(
      within(screen.getByTestId('linked-commitment')).getByText('新建改扩建中小学 11 所'),
    ).toBeVisible();
  });
});
