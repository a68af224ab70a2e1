import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { markElderModeOffered, setElderMode, shouldOfferElderMode } from '@/services/elder-mode';

/**
 * Offered once, at the top of the first page opened, when the phone's text is set large: a card in the page, not a
 * pop-up. Shown is offered: it does not come back, whether the person answers it or not.
 */
export default function ElderOffer() {
  const [open, setOpen] = useState(shouldOfferElderMode);
  useEffect(() => {
    if (open) markElderModeOffered();
  }, [open]);
  if (!open) return null;

  const answer = (on: boolean) => {
    setElderMode(on);
    setOpen(false);
  };
  return (
    <View
      className="app-section elder-offer"
      ariaRole="region"
      ariaLabel="长辈模式"
      data-testid="elder-offer"
    >
      <Text className="elder-offer__title">要打开长辈模式吗？</Text>
      <Text className="elder-offer__text">
        您的手机字体调得比较大。长辈模式字更大、按钮更大、页面更简单。以后可以在“我的”里随时打开或关闭。
      </Text>
      <View className="elder-offer__actions">
        <Button type="primary" className="elder-offer__button" onClick={() => answer(true)}>
          打开长辈模式
        </Button>
        <Button fill="outline" className="elder-offer__button" onClick={() => answer(false)}>
          暂不需要
        </Button>
      </View>
    </View>
  );
}
