import { Text, View } from '@tarojs/components';
import { FOCUSABLE } from '@/components/focusable';
import { setElderMode, useElderMode } from '@/services/elder-mode';

/**
 * The 长辈模式 switch: the whole row is the switch (one large target), named by its words and announced with its
 * state; the state is also written out, never told by colour alone.
 */
export default function ElderSwitch() {
  const elder = useElderMode();
  return (
    <View
      className={`elder-switch ${elder ? 'elder-switch--on' : ''}`}
      ariaRole="switch"
      aria-checked={elder}
      {...FOCUSABLE}
      data-testid="elder-switch"
      onClick={() => setElderMode(!elder)}
    >
      <View className="elder-switch__text">
        <Text className="elder-switch__title">长辈模式</Text>
        <Text className="elder-switch__description">字更大、按钮更大、页面更简单</Text>
      </View>
      <View className="elder-switch__state" aria-hidden>
        <Text>{elder ? '已开启' : '已关闭'}</Text>
        <View className="elder-switch__track">
          <View className="elder-switch__knob" />
        </View>
      </View>
    </View>
  );
}
