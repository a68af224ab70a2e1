import { Picker, Text, View } from '@tarojs/components';
import FieldMessage from '@/components/field-message';
import { EARLIEST_AS_OF } from '@/domain/update-rules';
import { formatDate } from '@/services/time';
import { today } from './draft';

export interface AsOfFieldProps {
  /** YYYY-MM-DD */
  value: string;
  message: string | undefined;
  messageId: string;
  onChange: (value: string) => void;
}

/** 数据截至: the day the figure describes, from 2020 to today; a figure of December 2020 posted now says so. */
export default function AsOfField({ value, message, messageId, onChange }: AsOfFieldProps) {
  return (
    <View className="worker-field">
      <Text className="worker-field__label">数据截至</Text>
      <Picker
        mode="date"
        value={value}
        start={EARLIEST_AS_OF}
        end={today()}
        aria-label="数据截至的日期"
        onChange={(event) => onChange(event.detail.value)}
      >
        <View className="worker-field__input post-update__as-of" aria-describedby={messageId}>
          {formatDate(value)}
        </View>
      </Picker>
      <Text className="app-muted">填写这个数字是截至哪一天的情况，默认今天</Text>
      <FieldMessage id={messageId} message={message} />
    </View>
  );
}
