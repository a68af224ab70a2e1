import Taro from '@tarojs/taro';

/**
 * How much larger than standard the person has set their text: WeChat's font-size setting on the mini-program,
 * the browser's default font size on H5. 1 is standard; kept between 1 and 1.6 so layouts hold.
 */
export function readFontScale(): number {
  try {
    if (process.env.TARO_ENV === 'h5') {
      if (typeof document === 'undefined' || !document.body) return 1;
      const probe = document.createElement('div');
      probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
      document.body.appendChild(probe);
      const px = parseFloat(getComputedStyle(probe).fontSize);
      probe.remove();
      return clampScale(px / 16);
    } else {
      // In an else, so that the H5 build leaves it out, and Taro's system-info module with it (decision 012).
      const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number };
      return clampScale((info.fontSizeSetting ?? 16) / 16);
    }
  } catch {
    return 1;
  }
}

function clampScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) return 1;
  return Math.min(1.6, Math.max(1, Math.round(scale * 100) / 100));
}

let cached: number | null = null;

/** Read once per launch: the setting cannot change while the app is open. */
export function fontScale(): number {
  if (cached === null) cached = readFontScale();
  return cached;
}
