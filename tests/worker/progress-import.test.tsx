import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { pickCsvFile } from '@/services/files';
import { ApiError } from '@/services/http';
import { applyProgressImport, checkProgressImport } from '@/services/progress-import';
import ProgressImportPage from '@/worker/progress-import';
import { SESSION, signIn } from '../support/worker-fixtures';

jest.mock('@/services/progress-import', () => ({
  checkProgressImport: jest.fn(),
  applyProgressImport: jest.fn(),
}));
jest.mock('@/services/files', () => ({ pickCsvFile: jest.fn(), saveCsvFile: jest.fn() }));
const pick = pickCsvFile as jest.MockedFunction<typeof pickCsvFile>;
const check = checkProgressImport as jest.MockedFunction<typeof checkProgressImport>;
const apply = applyProgressImport as jest.MockedFunction<typeof applyProgressImport>;

const ADMIN = { ...SESSION, worker: { ...SESSION.worker, role: 'admin' as const, district: null } };
const FILE = { name: '11月进展.csv', data: new ArrayBuffer(8) };
const tapButton = (name: RegExp) => fireEvent.click(screen.getByRole('button', { name }));

beforeEach(() => {
  jest.resetAllMocks();
  pick.mockResolvedValue(FILE);
});
afterEach(() => Taro.clearStorageSync());

describe('批量导入进展', () => {
  it('shows the dry run row by row, and offers no import while a row is wrong', async () => {
    signIn(ADMIN);
    check.mockResolvedValue({
      rows: 3,
      valid: 1,
      errors: [
        { row: 3, field: 'value', message: '完成数值应为不小于 0 的数字' },
        { row: 4, field: 'date', message: '日期不能晚于今天' },
      ],
    });
    render(<ProgressImportPage />);
    tapButton(/选择 CSV 文件/);
    expect(await screen.findByText('共 3 行，1 行可以导入，2 处需要修改')).toBeVisible();
    expect(screen.getByText('第 3 行 · 完成数（value）')).toBeVisible();
    expect(screen.getByText('完成数值应为不小于 0 的数字')).toBeVisible();
    expect(screen.getByText('第 4 行 · 数据截至（date）')).toBeVisible();
    expect(screen.queryByRole('button', { name: /确认导入/ })).toBeNull();
    expect(check).toHaveBeenCalledWith(FILE.data);
  });

  it('imports on confirmation, and a resend after a failure keeps its key', async () => {
    signIn(ADMIN);
    check.mockResolvedValue({ rows: 2, valid: 2, errors: [] });
    apply.mockRejectedValueOnce(new ApiError('timeout', '网络超时，请稍后再试'));
    apply.mockResolvedValueOnce({ rows: 2, valid: 2, errors: [], imported: 2 });
    render(<ProgressImportPage />);
    tapButton(/选择 CSV 文件/);
    expect(await screen.findByText('检查通过：共 2 行，都可以导入')).toBeVisible();
    tapButton(/确认导入 2 行/);
    expect(await screen.findByText('网络超时，请稍后再试')).toBeVisible();
    tapButton(/确认导入 2 行/);
    expect(await screen.findByText('已导入 2 条进展')).toBeVisible();
    const [first, second] = apply.mock.calls;
    expect(first[0]).toBe(FILE.data);
    expect(second[1]).toBe(first[1]);
  });

  it('is for admins: a worker is told to post one by one, and nothing is checked', async () => {
    signIn();
    render(<ProgressImportPage />);
    expect(screen.getByText(/只对市级管理员开放/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /选择 CSV 文件/ })).toBeNull();
    await waitFor(() => expect(check).not.toHaveBeenCalled());
  });
});
