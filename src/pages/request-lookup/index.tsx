import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import { requestDetailPath } from '@/app-paths';
import AppPage from '@/components/app-page';
import FieldMessage, { SubmitWithMessage } from '@/components/field-message';
import { parseLookupInput, type LookupInput } from '@/domain/citizen';
import { useForm } from '@/hooks/use-form';
import { lookupTicket } from '@/services/tickets';
import './index.scss';

/**
 * 查询诉求: a request filed on another phone (or before WeChat's storage was cleared), found by its number and the
 * mobile number given with it. This phone keeps it from then on, as if it had filed it.
 */
export default function RequestLookupPage() {
  const { params } = useRouter();
  const form = useForm<LookupInput, LookupInput>({
    initial: { ticketNo: params.no ? decodeURIComponent(params.no) : '', phone: '' },
    parse: parseLookupInput,
  });
  const { draft, change, touch, messageFor, messageId } = form;

  async function find(input: LookupInput) {
    const stored = await lookupTicket(input);
    await Taro.redirectTo({ url: requestDetailPath(stored.ticketNo) });
  }

  return (
    <AppPage className="request-lookup">
      <View className="request-lookup__intro">
        <Text className="request-lookup__title">用受理编号和手机号查询</Text>
        <Text className="app-muted">
          在别的手机上提交的诉求，填写回执上的受理编号和提交时留的手机号码，就能在这部手机上查看进度和评价。
        </Text>
      </View>
      <View className="app-section">
        <View className="request-lookup__field">
          <Text className="request-lookup__label">受理编号</Text>
          <Input
            className="request-lookup__input"
            name="ticketNo"
            placeholder="例如：PDS20261126-4821"
            value={draft.ticketNo}
            maxLength={30}
            nativeProps={{ 'aria-label': '受理编号', 'aria-describedby': messageId('ticketNo') }}
            onChange={(value) => change('ticketNo', value)}
            onBlur={() => touch('ticketNo')}
          />
          <FieldMessage id={messageId('ticketNo')} message={messageFor('ticketNo')} />
        </View>
        <View className="request-lookup__field">
          <Text className="request-lookup__label">提交时留的手机号码</Text>
          <Input
            className="request-lookup__input"
            name="phone"
            type="number"
            placeholder="11 位手机号码"
            value={draft.phone}
            maxLength={11}
            nativeProps={{ 'aria-label': '手机号码', 'aria-describedby': messageId('phone') }}
            onChange={(value) => change('phone', value)}
            onBlur={() => touch('phone')}
            onConfirm={() => void form.submit(find)}
          />
          <FieldMessage id={messageId('phone')} message={messageFor('phone')} />
        </View>
        <SubmitWithMessage
          busy={form.busy}
          message={form.formMessage}
          onSubmit={() => form.submit(find)}
        >
          查询
        </SubmitWithMessage>
      </View>
      <Text className="app-muted request-lookup__hint">
        匿名提交、没有留手机号的诉求不能这样查询。每个编号每天最多查询 5 次；也可以拨打 12345
        报编号查询。
      </Text>
    </AppPage>
  );
}
