import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import AppPage from '@/components/app-page';
import { validateLoginInput } from '@/domain/credentials';
import { currentSession, HOME_PAGE, login } from '@/services/auth';
import { FieldError, SubmitWithError } from '../form-parts';
import '../worker.scss';
import './index.scss';

export default function WorkerLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const { params } = useRouter();
  // Opened over a page whose session ran out (`?back=1`): back to it, as it was; otherwise the worker home.
  const goOn = () =>
    params.back === '1' && Taro.getCurrentPages().length > 1
      ? Taro.navigateBack()
      : Taro.redirectTo({ url: HOME_PAGE });

  useDidShow(() => {
    if (currentSession()) void goOn();
  });

  async function submit() {
    if (busy) return;
    setMessage('');
    const problems = validateLoginInput({ username, password });
    setFieldErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await login(username, password);
      setPassword('');
      await goOn();
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AppPage className="worker-login">
      <View className="worker-login__intro">
        <Text className="worker-login__title">工作人员登录</Text>
        <Text className="app-muted">
          供网格员、社区工作者上报民生实事进展、办理市民诉求。账号由管理员开通。
        </Text>
      </View>
      <View className="app-section">
        <View className="worker-field">
          <Text className="worker-field__label">用户名</Text>
          <Input
            className="worker-field__input"
            name="username"
            placeholder="请输入用户名"
            value={username}
            maxLength={64}
            onChange={(value) => setUsername(value)}
          />
          <FieldError message={fieldErrors.username} />
        </View>
        <View className="worker-field">
          <Text className="worker-field__label">密码</Text>
          <Input
            className="worker-field__input"
            name="password"
            type="password"
            placeholder="请输入密码"
            value={password}
            maxLength={128}
            onChange={(value) => setPassword(value)}
            onConfirm={() => void submit()}
          />
          <FieldError message={fieldErrors.password} />
        </View>
        <SubmitWithError
          className="worker-login__submit"
          busy={busy}
          error={message}
          onSubmit={submit}
        >
          登录
        </SubmitWithError>
      </View>
      <Text className="app-muted worker-login__hint">
        忘记密码或账号被停用，请联系所在区县的管理员重置。
      </Text>
    </AppPage>
  );
}
