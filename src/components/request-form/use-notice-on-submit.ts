import { useEffect, useRef, useState } from 'react';
import {
  canAskForNotices,
  reportNoticeGrant,
  requestNoticeGrant,
  useCitizen,
} from '@/services/citizen';
import type { SubmitResult } from '@/services/outbox';
import { parseDraft, type RequestDraft } from './draft';

/**
 * 提交 in the mini-program, signed in: WeChat asks, within the same tap, whether the citizen wants to be told when
 * the request moves; once the request is filed, an 允许 is reported for it. (WeChat asks only in answer to a tap,
 * so the question cannot wait for the server's answer.) The browser never asks.
 */
export function useNoticeOnSubmit(draft: RequestDraft) {
  // Signed in with WeChat while the person writes: the request will also follow them to any phone.
  const citizen = useCitizen();
  const asked = useRef<ReturnType<typeof requestNoticeGrant> | null>(null);
  const [granted, setGranted] = useState(false);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  return {
    /** First thing in the 提交 tap: asks only for a form that will be sent. */
    ask() {
      asked.current =
        canAskForNotices(citizen) && parseDraft(draft).ok ? requestNoticeGrant() : null;
    },
    /** Once filed: reports an 允许 for the new request. A request still waiting to be sent is asked again later. */
    async report(result: SubmitResult) {
      const grant = asked.current;
      asked.current = null;
      if (!grant || result.state !== 'sent' || (await grant) !== 'allowed') return;
      const { ticketNo, accessToken } = result.ticket;
      if ((await reportNoticeGrant(ticketNo, accessToken)) && live.current) setGranted(true);
    },
    /** The citizen allowed a notice of the filed request's next move. */
    granted,
    reset() {
      setGranted(false);
    },
  };
}
