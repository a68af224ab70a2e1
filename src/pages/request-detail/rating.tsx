import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import { RATING_LIMITS } from '@/domain/ticket-rules';
import {
  RATING_SCORES,
  ratingName,
  ratingReopens,
  type RatingScore,
  type Ticket,
} from '@/domain/ticket';
import { rateTicket } from '@/services/tickets';

export interface RatingProps {
  ticket: Ticket;
  /** The request's token on this phone; null when the citizen's session opens it. */
  accessToken: string | null;
  onRated: (ticket: Ticket) => void;
}

/** The rating of the latest resolution; given once per 已办结. 不满意 sends the request back to be handled again. */
export default function Rating({ ticket, accessToken, onRated }: RatingProps) {
  const [score, setScore] = useState<RatingScore | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  const resolvedAt = ticket.resolvedAt ? Date.parse(ticket.resolvedAt) : 0;
  const given = ticket.ratings.find((r) => Date.parse(r.createdAt) >= resolvedAt);
  if (given) {
    return (
      <View className="rating" data-testid="rating-given">
        <Text className="rating__title">您的评价：{ratingName(given.score)}</Text>
        {given.comment ? <Text className="app-muted">{given.comment}</Text> : null}
      </View>
    );
  }
  if (ticket.status !== 'resolved') return null;

  async function send() {
    if (!score || sending) return;
    setSending(true);
    setError('');
    try {
      onRated(
        await rateTicket(ticket.ticketNo, accessToken, {
          score,
          comment: comment.trim() || undefined,
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="rating" data-testid="rating-form">
      <Text className="rating__title">这件事办得您满意吗？</Text>
      <View className="rating__scores" ariaRole="radiogroup" ariaLabel="满意度">
        {RATING_SCORES.map((r) => (
          <View
            key={r.score}
            className={`rating__score ${score === r.score ? 'rating__score--on' : ''}`}
            ariaRole="radio"
            {...FOCUSABLE}
            aria-checked={score === r.score}
            onClick={() => setScore(r.score)}
          >
            {r.name}
          </View>
        ))}
      </View>
      {score !== null && ratingReopens(score) ? (
        <Text className="rating__warn">选“不满意”后，这件诉求会退回重新办理</Text>
      ) : null}
      <TextArea
        className="rating__comment"
        placeholder="还想说点什么（可不填）"
        value={comment}
        rows={3}
        maxLength={RATING_LIMITS.commentMax}
        aria-label="评价内容"
        onChange={(value) => setComment(value)}
      />
      {error ? (
        <View className="rating__error" ariaRole="alert">
          {error}
        </View>
      ) : null}
      <Button type="primary" block disabled={!score} loading={sending} onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  );
}
