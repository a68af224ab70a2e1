import { useCallback } from 'react';
import { deepLinkUrl } from '@/app-paths';
import { copyWithFeedback } from './feedback';
import type { ShareContent, ShareControl } from './share';

/** H5: no share sheet, so the share button copies a deep link that opens straight on the page. */
export function useShare(content: ShareContent | null): ShareControl {
  const copyLink = useCallback(async () => {
    if (!content) return;
    const origin =
      typeof window === 'undefined' ? '' : `${window.location.origin}${window.location.pathname}`;
    await copyWithFeedback(deepLinkUrl(origin, content.path), '链接已复制，可粘贴分享');
  }, [content]);
  return { label: '复制链接分享', buttonProps: { onClick: copyLink } };
}
