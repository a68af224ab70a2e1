import { useShareAppMessage } from '@tarojs/taro';
import type { ShareContent, ShareControl } from './share-types';

/** WeChat: the page's share card carries the title and progress; the button opens the share sheet. */
export function useShare(content: ShareContent | null): ShareControl {
  useShareAppMessage(() => (content ? { title: content.title, path: content.path } : {}));
  return { label: '分享给微信好友', buttonProps: { openType: 'share' } };
}
