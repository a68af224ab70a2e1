import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CREDENTIAL_RULES } from '@/domain/credentials';
import * as auth from '@/services/auth';
import { ApiError } from '@/services/http';
import WorkerLoginPage from '@/worker/login';
import { field, routeParams, SESSION, tap, type } from '../support/worker-fixtures';

afterEach(() => {
  jest.restoreAllMocks();
  Taro.clearStorageSync();
});

describe('the sign-in form', () => {
  it('takes as many characters as the credential rules allow', () => {
    render(<WorkerLoginPage />);
    expect(screen.getByPlaceholderText('请输入用户名')).toHaveAttribute(
      'maxlength',
      String(CREDENTIAL_RULES.usernameMax),
    );
    expect(screen.getByPlaceholderText('请输入密码')).toHaveAttribute(
      'maxlength',
      String(CREDENTIAL_RULES.passwordMax),
    );
  });
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
