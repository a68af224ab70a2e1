import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import AppPage from '@/components/app-page';
import FieldMessage, { SubmitWithMessage } from '@/components/field-message';
import { CREDENTIAL_RULES, parseLoginInput, type LoginInput } from '@/domain/credentials';
import { useForm } from '@/hooks/use-form';
import { currentSession, HOME_PAGE, login } from '@/services/auth';
import '../worker.scss';
import './index.scss';

const EMPTY_LOGIN: LoginInput = { username: '', password: '' };

export default function WorkerLoginPage() {
  const form = useForm<LoginInput, LoginInput>({ initial: EMPTY_LOGIN, parse: parseLoginInput });
  const { draft, change, messageFor, messageId } = form;

  const { params } = useRouter();
  // Opened over a page whose session ran out (`?back=1`): back to it, as it was; otherwise the worker home.
  const goOn = () =>
    params.back === '1' && Taro.getCurrentPages().length > 1
      ? Taro.navigateBack()
      : Taro.redirectTo({ url: HOME_PAGE });

  useDidShow(() => {
    if (currentSession()) void goOn();
  });

  async function signIn({ username, password }: LoginInput) {
    await login(username, password);
    change('password', '');
    await goOn();
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
            value={draft.username}
            maxLength={CREDENTIAL_RULES.usernameMax}
            nativeProps={{ 'aria-label': '用户名', 'aria-describedby': messageId('username') }}
            onChange={(value) => change('username', value)}
          />
          <FieldMessage id={messageId('username')} message={messageFor('username')} />
        </View>
        <View className="worker-field">
          <Text className="worker-field__label">密码</Text>
          <Input
            className="worker-field__input"
            name="password"
            type="password"
            placeholder="请输入密码"
            value={draft.password}
            maxLength={CREDENTIAL_RULES.passwordMax}
            nativeProps={{ 'aria-label': '密码', 'aria-describedby': messageId('password') }}
            onChange={(value) => change('password', value)}
            onConfirm={() => void form.submit(signIn)}
          />
          <FieldMessage id={messageId('password')} message={messageFor('password')} />
        </View>
        <SubmitWithMessage
          busy={form.busy}
          message={form.formMessage}
          onSubmit={() => form.submit(signIn)}
        >
          登录
        </SubmitWithMessage>
      </View>
      <Text className="app-muted worker-login__hint">
        忘记密码或账号被停用，请联系所在区县的管理员重置。
      </Text>
    </AppPage>
  );
}
