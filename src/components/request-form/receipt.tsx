import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState, type ReactNode } from 'react';
import { MY_REQUESTS_PAGE, requestDetailPath } from '@/app-paths';
import NoticeButton from '@/components/notice-button';
import { copyWithFeedback } from '@/services/feedback';
import { deliveredTicketNo, subscribeOutbox, type SubmitResult } from '@/services/outbox';
import { findStoredTicket } from '@/services/tickets';
import { formatDateTime } from '@/services/time';

export interface ReceiptProps {
  result: SubmitResult;
  /** The citizen allowed, while filing, a notice of the request's next move. */
  noticeGranted?: boolean;
  onAnother: () => void;
}

/** After 提交: the ticket number, big enough to read out on the phone to 12345; or 待发送 until the outbox delivers. */
export default function Receipt({ result, noticeGranted = false, onAnother }: ReceiptProps) {
  const [ticketNo, setTicketNo] = useState<string | undefined>(
    result.state === 'sent' ? result.ticket.ticketNo : deliveredTicketNo(result.key),
  );

  useEffect(() => {
    if (ticketNo) return;
    const check = () => setTicketNo(deliveredTicketNo(result.key));
    check();
    return subscribeOutbox(check);
  }, [result.key, ticketNo]);

  const another = (
    <Action bare onClick={onAnother}>
      再反映一个问题
    </Action>
  );

  if (!ticketNo) {
    return (
      <View className="receipt" data-testid="receipt-queued">
        <Text className="receipt__status receipt__status--queued">待发送</Text>
        <Text className="receipt__lead">暂时发不出去，诉求已保存在手机上</Text>
        <Text className="receipt__note">
          网络恢复后会自动发送，不用重新填写，也不会重复提交。发出后这里会显示受理编号。
        </Text>
        <View className="receipt__actions">
          <Action onClick={() => void Taro.navigateTo({ url: MY_REQUESTS_PAGE })}>
            查看我的诉求
          </Action>
          {another}
        </View>
      </View>
    );
  }

  const dueAt = result.state === 'sent' ? result.ticket.dueAt : null;
  // Without a phone number the request cannot be looked up from another phone.
  const noPhone = result.state === 'sent' && result.ticket.phone === null;
  return (
    <View className="receipt" data-testid="receipt-sent">
      <Text className="receipt__status receipt__status--sent">已受理</Text>
      <Text className="receipt__lead">您的受理编号</Text>
      <Text className="receipt__number" data-testid="ticket-no">
        {ticketNo}
      </Text>
      <Text className="receipt__note">
        请记下这个编号，打 12345 热线时报这个编号就能查到。
        {dueAt ? `按规定在 ${formatDateTime(dueAt)} 前办结。` : ''}
      </Text>
      {noPhone ? (
        <Text className="receipt__note" data-testid="no-phone-note">
          没有留手机号，换了手机就不能用编号和手机号查询这件诉求，请记好受理编号。在微信小程序里提交的诉求，换手机后登录同一个微信也能看到。
        </Text>
      ) : null}
      <NoticeButton
        ticketNo={ticketNo}
        accessToken={findStoredTicket(ticketNo)?.accessToken ?? null}
        granted={noticeGranted}
      />
      <View className="receipt__actions">
        <Action onClick={() => void copyWithFeedback(ticketNo, '已复制编号')}>复制编号</Action>
        <Action primary onClick={() => void Taro.navigateTo({ url: requestDetailPath(ticketNo) })}>
          查看办理进度
        </Action>
        {another}
      </View>
    </View>
  );
}

/** One of the receipt's full-width buttons: the main one primary, 再反映一个问题 bare. */
function Action({
  primary = false,
  bare = false,
  onClick,
  children,
}: {
  primary?: boolean;
  bare?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      className="receipt__button"
      type={primary ? 'primary' : 'default'}
      fill={bare ? 'none' : 'outline'}
      block
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
