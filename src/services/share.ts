import { useShareAppMessage } from '@tarojs/taro';

export interface ShareContent {
  /** The card's title, e.g. "新建改扩建幼儿园：6 / 11 所（推进中）". */
  title: string;
  /** The in-app path that opens the shared page, e.g. /pages/commitment-detail/index?id=… */
  path: string;
}

export interface ShareControl {
  /** What the share button says. */
  label: string;
  /** Spread on a NutUI Button: a tap handler on H5, openType="share" on WeChat. */
  buttonProps: { onClick?: () => void; openType?: 'share' };
}

/** WeChat: the page's share card carries the title and progress; the button opens the share sheet. */
export function useShare(content: ShareContent | null): ShareControl {
  useShareAppMessage(() => (content ? { title: content.title, path: content.path } : {}));
  return { label: '分享给微信好友', buttonProps: { openType: 'share' } };
}
