import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { dismissFeedback, useFeedback } from '@/services/feedback';

/**
 * 长辈模式's answer to a toast (services/feedback.ts): the message at the foot of the page, in large words, until
 * 知道了 is tapped. The region is always there, empty until there is something to say, so a screen reader reads the
 * message as it appears (role status, aria-live polite). In the standard look it stays empty: Taro's toast speaks.
 */
export default function FeedbackNotice() {
  const feedback = useFeedback();
  return (
    <View className="feedback-notice" ariaRole="status" aria-live="polite">
      {feedback ? (
        <View className="feedback-notice__box" key={feedback.id} data-testid="feedback-notice">
          <Text className="feedback-notice__text">{feedback.text}</Text>
          <Button className="feedback-notice__close" onClick={dismissFeedback}>
            知道了
          </Button>
        </View>
      ) : null}
    </View>
  );
}
