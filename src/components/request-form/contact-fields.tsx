import { Text, View } from '@tarojs/components';
import { Checkbox, Input } from '@nutui/nutui-react-taro';
import FieldMessage from '@/components/field-message';
import { maskPhone } from '@/domain/ticket-rules';
import { UNUSED_UPLOAD_RETENTION_DAYS } from '@/domain/uploads';
import { useElderMode } from '@/services/elder-mode';
import type { RequestDraftForm } from './draft';
import { Section } from './parts';

const PRIVACY_NOTICE =
  '我们收集您填写的问题、地点、照片和联系方式，只用于办理和回复这件诉求。' +
  '您在地图上选的位置属于敏感个人信息：只提供给办理这件诉求的工作人员（包括市 12345 热线），不会公开；不选也能提交。' +
  `电话号码只有办理人员能看到，对其他人显示为 ${maskPhone('13812341234')}。` +
  '诉求记录用于查询和回访，保存期限以平顶山市政务服务热线的规定为准；' +
  `上传了却没有提交的照片 ${UNUSED_UPLOAD_RETENTION_DAYS} 天后删除。`;

/** How to reach the person (or not: 匿名), and the privacy notice they agree to. */
export default function ContactFields({ form }: { form: RequestDraftForm }) {
  const { draft, change, touch, messageFor, messageId } = form;
  // 长辈模式: a placeholder short enough to be read whole at the larger size.
  const elder = useElderMode();
  return (
    <>
      <Section label="联系方式">
        <Checkbox
          className="request-form__check"
          checked={draft.anonymous}
          onChange={(checked) => change('anonymous', checked)}
        >
          匿名反映（可以不留电话）
        </Checkbox>
        <Text className="request-form__label request-form__label--sub">
          手机号码{draft.anonymous ? '（可不填）' : ''}
        </Text>
        <Input
          className="request-form__input"
          type="number"
          maxLength={11}
          placeholder={elder ? '11 位手机号码' : '11 位手机号码，方便办理人员回复您'}
          value={draft.phone}
          nativeProps={{ 'aria-label': '手机号码', 'aria-describedby': messageId('phone') }}
          onChange={(value) => change('phone', value)}
          onBlur={() => touch('phone')}
        />
        <FieldMessage id={messageId('phone')} message={messageFor('phone')} />
        <Text className="request-form__label request-form__label--sub">怎么称呼您（可不填）</Text>
        <Input
          className="request-form__input"
          placeholder="例如：王女士"
          value={draft.contactName}
          nativeProps={{ 'aria-label': '怎么称呼您', 'aria-describedby': messageId('contactName') }}
          onChange={(value) => change('contactName', value)}
          onBlur={() => touch('contactName')}
        />
        <FieldMessage id={messageId('contactName')} message={messageFor('contactName')} />
      </Section>

      <View className="app-section request-form__section">
        <View className="request-form__privacy">
          <Text className="request-form__privacy-title">个人信息怎么用</Text>
          <Text>{PRIVACY_NOTICE}</Text>
        </View>
        <Checkbox
          className="request-form__check"
          checked={draft.consent}
          onChange={(checked) => {
            change('consent', checked);
            touch('consent');
          }}
        >
          我已阅读并同意以上说明
        </Checkbox>
        <FieldMessage id={messageId('consent')} message={messageFor('consent')} />
      </View>
    </>
  );
}
