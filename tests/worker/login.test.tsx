import { render, screen } from '@testing-library/react';
import { CREDENTIAL_RULES } from '@/domain/credentials';
import WorkerLoginPage from '@/worker/login';

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
