import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import FieldMessage from '@/components/field-message';
import { pickPlace } from '@/services/location';
import type { RequestDraftForm } from './draft';
import { Section } from './parts';
import './location-field.scss';

/** What happens to a location, said before anyone picks one. */
export const LOCATION_NOTE =
  '选了位置，办理人员能更快找到地方。位置只给办理这件诉求的工作人员看，不会公开。不选也可以提交。';

/** 选择位置: an optional place on the map, picked (weapp) or taken from the phone (H5), and taken back. */
export default function LocationField({ form }: { form: RequestDraftForm }) {
  const { draft, change, messageFor, messageId } = form;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  async function pick() {
    if (busy) return;
    setBusy(true);
    setProblem('');
    const picked = await pickPlace();
    setBusy(false);
    if (picked.kind === 'picked') change('location', { ...picked.location, label: picked.label });
    else if (picked.kind === 'failed') setProblem(picked.message);
  }

  const message = messageFor('location') ?? (problem || undefined);
  return (
    <Section label="在地图上的位置（可不选）">
      <Text className="request-form__hint">{LOCATION_NOTE}</Text>
      {draft.location ? (
        <View className="request-form__location">
          <Text className="request-form__location-label">已选位置：{draft.location.label}</Text>
          <View className="request-form__location-actions">
            <Button fill="outline" loading={busy} onClick={() => void pick()}>
              重新选择
            </Button>
            <Button fill="none" onClick={() => change('location', null)}>
              不用位置
            </Button>
          </View>
        </View>
      ) : (
        <Button
          className="request-form__location-pick"
          fill="outline"
          loading={busy}
          aria-describedby={messageId('location')}
          onClick={() => void pick()}
        >
          选择位置
        </Button>
      )}
      <FieldMessage id={messageId('location')} message={message} />
    </Section>
  );
}
