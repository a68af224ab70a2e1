import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  askForStatusNotices,
  canAskForNotices,
  useCitizen,
  type NoticeAnswer,
} from '@/services/citizen';
import './index.scss';

export interface NoticeButtonProps {
  ticketNo: string;
  /** The request's token, when this phone keeps one. */
  accessToken: string | null;
  /** Already allowed (while filing): the next move will be told. */
  granted?: boolean;
}

const SAID: Record<NoticeAnswer, string> = {
  subscribed: '好的，下一步办理时会通过微信服务通知告诉您。每允许一次，通知一次。',
  declined: '您没有允许通知，需要时可以再点一次。',
  failed: '暂时没能开启通知，请稍后再试。',
};

/**
 * 办理有进展时微信提醒我: in the mini-program, signed in, asks WeChat to let the server tell the citizen when the
 * request next moves (one 允许, one notice). Nothing on the browser, nor without a template on the server.
 */
export default function NoticeButton({
  ticketNo,
  accessToken,
  granted = false,
}: NoticeButtonProps) {
  const citizen = useCitizen();
  const [asked, setAnswer] = useState<NoticeAnswer | null>(null);
  const answer = asked ?? (granted ? 'subscribed' : null);
  const [asking, setAsking] = useState(false);
  if (!canAskForNotices(citizen)) return null;

  // WeChat asks only in answer to a tap: nothing may be awaited before it.
  function ask() {
    if (asking) return;
    setAsking(true);
    void askForStatusNotices(ticketNo, accessToken)
      .then(setAnswer)
      .finally(() => setAsking(false));
  }

  return (
    <View className="notice-button" data-testid="notice-button">
      <Button block fill="outline" type="primary" loading={asking} onClick={ask}>
        {answer === 'subscribed' ? '下一步也提醒我' : '办理有进展时微信提醒我'}
      </Button>
      <Text className="notice-button__said app-muted" aria-live="polite">
        {answer ? SAID[answer] : ''}
      </Text>
    </View>
  );
}
