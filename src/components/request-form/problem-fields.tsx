import { Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import FieldMessage from '@/components/field-message';
import { DISTRICTS } from '@/domain/districts';
import { TICKET_CATEGORIES, ticketCategory } from '@/domain/ticket';
import { TICKET_LIMITS } from '@/domain/ticket-rules';
import { characterCount, cleanText } from '@/domain/text';
import { useElderMode } from '@/services/elder-mode';
import type { RequestDraftForm } from './draft';
import { ChoiceGroup, Section } from './parts';

const CATEGORY_CHOICES = TICKET_CATEGORIES.map((c) => ({ value: c.code, name: c.name }));
const DISTRICT_CHOICES = DISTRICTS.map((d) => ({ value: d, name: d }));

/** What the problem is and where: category, the person's words, district and address. */
export default function ProblemFields({ form }: { form: RequestDraftForm }) {
  const { draft, change, touch, messageFor, messageId } = form;
  // Counted as the server counts it: what is stored, in characters a person sees.
  const contentLength = characterCount(cleanText(draft.content, { multiline: true }));
  // 长辈模式: short hints, and the address in a box that wraps rather than one that scrolls sideways.
  const elder = useElderMode();

  return (
    <>
      <Section label="反映什么问题">
        <ChoiceGroup
          label="诉求类别"
          choices={CATEGORY_CHOICES}
          value={draft.category}
          describedBy={messageId('category')}
          onPick={(category) => {
            change('category', category);
            touch('category');
          }}
        />
        {draft.category ? (
          <Text className="request-form__hint">包括：{ticketCategory(draft.category).hint}</Text>
        ) : null}
        <FieldMessage id={messageId('category')} message={messageFor('category')} />
      </Section>

      <Section label="具体情况">
        <TextArea
          className="request-form__textarea"
          placeholder="在什么地方，出了什么问题，有多久了"
          value={draft.content}
          rows={5}
          // Taro's textarea stops at 140 characters unless told otherwise; the rule counts the limit.
          maxLength={-1}
          autoSize
          status={messageFor('content') ? 'error' : 'default'}
          aria-label="具体情况"
          aria-describedby={messageId('content')}
          onChange={(value) => change('content', value)}
          onBlur={() => touch('content')}
        />
        <View className="request-form__counter-row">
          <Text className="request-form__hint">
            {elder
              ? `至少 ${TICKET_LIMITS.contentMin} 个字`
              : `至少 ${TICKET_LIMITS.contentMin} 个字。例如：建设路和中兴路交叉口东边第三根路灯，一周来晚上都不亮`}
          </Text>
          <Text
            className={`request-form__counter ${contentLength > TICKET_LIMITS.contentMax ? 'request-form__counter--over' : ''}`}
            data-testid="content-counter"
          >
            {contentLength}/{TICKET_LIMITS.contentMax}
          </Text>
        </View>
        <FieldMessage id={messageId('content')} message={messageFor('content')} />
      </Section>

      <Section label="在哪个县（市、区）">
        <ChoiceGroup
          label="所在县（市、区）"
          choices={DISTRICT_CHOICES}
          value={draft.district}
          columns={3}
          describedBy={messageId('district')}
          onPick={(district) => {
            change('district', district);
            touch('district');
          }}
        />
        <FieldMessage id={messageId('district')} message={messageFor('district')} />
        <Text className="request-form__label request-form__label--sub">详细地址（可不填）</Text>
        {elder ? (
          <TextArea
            className="request-form__textarea request-form__textarea--short"
            placeholder="街道、小区、门牌号"
            value={draft.address}
            rows={2}
            autoSize
            aria-label="详细地址"
            aria-describedby={messageId('address')}
            onChange={(value) => change('address', value)}
            onBlur={() => touch('address')}
          />
        ) : (
          <Input
            className="request-form__input"
            placeholder="街道、小区、门牌号或附近的标志"
            value={draft.address}
            nativeProps={{ 'aria-label': '详细地址', 'aria-describedby': messageId('address') }}
            onChange={(value) => change('address', value)}
            onBlur={() => touch('address')}
          />
        )}
        <FieldMessage id={messageId('address')} message={messageFor('address')} />
      </Section>
    </>
  );
}
