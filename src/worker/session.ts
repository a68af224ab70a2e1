import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { staffRoleName, type Staff } from '@/domain/staff';
import { currentSession, LOGIN_PAGE, type StaffSession } from '@/services/auth';

/** Worker pages: the session, or a redirect to sign-in when there is none (checked again each time shown). */
export function useStaffSession(): StaffSession | null {
  const [session, setSession] = useState<StaffSession | null>(() => currentSession());
  useDidShow(() => {
    const now = currentSession();
    setSession(now);
    if (!now) void Taro.redirectTo({ url: LOGIN_PAGE });
  });
  return session;
}

/** "张网格 · 社区工作者 · 新华区". */
export function describeStaff(staff: Staff): string {
  return [staffRoleName(staff.role), staff.district ?? '全市'].join(' · ');
}
