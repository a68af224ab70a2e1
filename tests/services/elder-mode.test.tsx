import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import {
  isElderMode,
  markElderModeOffered,
  setElderMode,
  shouldOfferElderMode,
  useElderMode,
} from '@/services/elder-mode';

/** A phone that never had the app: mode off, nothing in storage. */
function freshPhone() {
  setElderMode(false);
  Taro.clearStorageSync();
}

function ModeName() {
  return <span>{useElderMode() ? '长辈模式' : '标准'}</span>;
}

describe('长辈模式 (the mode service)', () => {
  beforeEach(freshPhone);

  it('is off on a new phone and remembered on the phone once switched on', () => {
    expect(isElderMode()).toBe(false);
    setElderMode(true);
    expect(isElderMode()).toBe(true);
    expect(Taro.getStorageSync('settings.elderMode')).toBe(true);
  });

  it('re-renders every reader at once when switched, and again when switched back', () => {
    render(<ModeName />);
    expect(screen.getByText('标准')).toBeInTheDocument();
    act(() => setElderMode(true));
    expect(screen.getByText('长辈模式')).toBeInTheDocument();
    act(() => setElderMode(false));
    expect(screen.getByText('标准')).toBeInTheDocument();
  });

  it('is offered to a phone with large text, once', () => {
    expect(shouldOfferElderMode(1.375)).toBe(true);
    markElderModeOffered();
    expect(shouldOfferElderMode(1.375)).toBe(false);
  });

  it('is not offered at the standard text size, nor after a choice was made', () => {
    expect(shouldOfferElderMode(1)).toBe(false);
    expect(shouldOfferElderMode(1.1)).toBe(false);
    setElderMode(false);
    expect(shouldOfferElderMode(1.5)).toBe(false);
  });
});
