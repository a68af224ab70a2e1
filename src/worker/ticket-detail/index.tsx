import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import AppPage from '@/components/app-page';
import FieldMessage, { SubmitWithMessage } from '@/components/field-message';
import { ErrorState, LoadingCards } from '@/components/state-views';
import TicketStatusTag from '@/components/ticket-status-tag';
import { parseTicketEventInput, TICKET_EVENT_LIMITS } from '@/domain/ticket-rules';
import { formatLocation } from '@/domain/location';
import { isOverdue, ratingName, ticketCategoryName, ticketStatusName } from '@/domain/ticket';
import { useResource } from '@/hooks/use-resource';
import { showFeedback } from '@/services/feedback';
import { ApiError } from '@/services/http';
import { formatDateTime, fromNow } from '@/services/time';
import PhotoGrid from '@/components/photo-grid';
import { addTicketEvent, getStaffTicket } from '@/services/worker';
import { useStaffSession } from '../session';
import { availableActions, type TicketAction } from './actions';
import Notices from './notices';
import '../worker.scss';
import './index.scss';

export default function WorkerTicketDetailPage() {
  const session = useStaffSession();
  const { params } = useRouter();
  const ticketNo = params.ticketNo ?? '';
  const load = useCallback(() => getStaffTicket(ticketNo), [ticketNo]);
  const resource = useResource(session ? load : null);
  const [action, setAction] = useState<TicketAction | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const ticket = resource.data;

  async function submit() {
    if (!ticket || !action || busy) return;
    setMessage('');
    const event = parseTicketEventInput({ status: action.to(ticket.status), note });
    if (!event.ok) {
      setNoteError(event.errors.find((e) => e.field === 'note')?.message ?? '');
      return;
    }
    setNoteError('');
    setBusy(true);
    try {
      const next = await addTicketEvent(ticket.ticketNo, event.value);
      resource.set(() => next);
      setAction(null);
      setNote('');
      showFeedback(`已${action.label}`, { success: true });
    } catch (e) {
      setMessage((e as Error).message);
      // Someone else moved it meanwhile: show where it stands now.
      if (e instanceof ApiError && e.code === 'invalid_transition') void resource.refresh();
    } finally {
      setBusy(false);
    }
  }

  if (!session) return <AppPage />;
  if (resource.status === 'error') {
    return (
      <AppPage>
        <ErrorState message={resource.error} onRetry={resource.reload} />
      </AppPage>
    );
  }
  if (!ticket) {
    return (
      <AppPage>
        <LoadingCards count={3} />
      </AppPage>
    );
  }

  const now = new Date();
  const actions = availableActions(ticket.status);
  const events = [...ticket.events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <AppPage className="ticket-detail">
      <View className="app-section">
        <View className="ticket-detail__head">
          <Text className="ticket-detail__no">{ticket.ticketNo}</Text>
          <View className="ticket-detail__tags">
            {isOverdue(ticket, now) ? <Text className="worker-overdue">已超期</Text> : null}
            <TicketStatusTag status={ticket.status} />
          </View>
        </View>
        <Text className="ticket-detail__category">{ticketCategoryName(ticket.category)}</Text>
        <Text className="ticket-detail__content">{ticket.content}</Text>
        <PhotoGrid photos={ticket.photos} />
        <Text className="app-muted ticket-detail__line">
          {ticket.district}
          {ticket.address ? ` · ${ticket.address}` : ''}
        </Text>
        {ticket.location ? (
          <Text className="app-muted ticket-detail__line" data-testid="ticket-location">
            地图位置：{formatLocation(ticket.location)}
          </Text>
        ) : null}
        <Text className="app-muted ticket-detail__line">
          提交于 {formatDateTime(ticket.createdAt)}（{fromNow(ticket.createdAt, now)}） · 办结期限{' '}
          {formatDateTime(ticket.dueAt)}
        </Text>
      </View>

      <View className="app-section">
        <Text className="app-section__title">联系人</Text>
        {ticket.anonymous && !ticket.phone ? (
          <Text>匿名反映，没有留联系方式</Text>
        ) : (
          <View className="ticket-detail__contact">
            <Text>{ticket.contactName || (ticket.anonymous ? '匿名' : '市民')}</Text>
            {ticket.contactEmail ? <Text>{ticket.contactEmail}</Text> : null}
            {ticket.phone ? (
              <Button
                className="ticket-detail__call"
                size="small"
                fill="outline"
                onClick={() => void Taro.makePhoneCall({ phoneNumber: ticket.phone! })}
              >
                {ticket.phone}
              </Button>
            ) : null}
          </View>
        )}
      </View>

      {actions.length > 0 ? (
        <View className="app-section">
          <Text className="app-section__title">办理</Text>
          <View className="worker-actions">
            {actions.map((a) => (
              <Button
                key={a.key}
                className={`ticket-detail__action ticket-detail__action--${a.key}`}
                type={action?.key === a.key ? 'primary' : 'default'}
                fill={action?.key === a.key ? 'solid' : 'outline'}
                onClick={() => {
                  setAction(a);
                  setNoteError('');
                  setMessage('');
                }}
              >
                {a.label}
              </Button>
            ))}
          </View>
          {action ? (
            <View className="ticket-detail__form">
              <Text className="worker-field__label">{action.label}说明（市民可以看到）</Text>
              <TextArea
                className="ticket-detail__note"
                placeholder={action.placeholder}
                value={note}
                rows={3}
                autoSize
                showCount
                maxLength={TICKET_EVENT_LIMITS.noteMax}
                aria-label={`${action.label}说明`}
                aria-describedby="ticket-note-message"
                onChange={(value) => setNote(value)}
              />
              <FieldMessage id="ticket-note-message" message={noteError} />
              <SubmitWithMessage
                className="ticket-detail__submit"
                busy={busy}
                message={message}
                onSubmit={submit}
              >
                确认{action.label}
              </SubmitWithMessage>
            </View>
          ) : null}
        </View>
      ) : (
        <View className="app-section">
          <Text className="app-muted">
            已办结{ticket.resolvedAt ? `于 ${formatDateTime(ticket.resolvedAt)}` : ''}
            。市民不满意时会重新打开。
          </Text>
        </View>
      )}

      <View className="app-section">
        <Text className="app-section__title">办理记录</Text>
        {events.map((e, i) => (
          <View key={`${e.createdAt}-${i}`} className="ticket-detail__event">
            <View className="ticket-detail__event-head">
              <Text className="ticket-detail__event-status">{ticketStatusName(e.status)}</Text>
              <Text className="app-muted">
                {e.actor} · {formatDateTime(e.createdAt)}
              </Text>
            </View>
            {e.note ? <Text className="ticket-detail__event-note">{e.note}</Text> : null}
          </View>
        ))}
        {ticket.ratings.map((r) => (
          <View key={r.createdAt} className="ticket-detail__event">
            <Text className="ticket-detail__event-status">市民评价：{ratingName(r.score)}</Text>
            {r.comment ? <Text className="ticket-detail__event-note">{r.comment}</Text> : null}
          </View>
        ))}
      </View>
      <Notices key={ticket.events.length} ticketNo={ticket.ticketNo} />
    </AppPage>
  );
}
