import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { STAFF_ROLES } from '@/domain/commitment';
import type { Staff } from '@/domain/staff';
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
  const role = STAFF_ROLES.find((r) => r.code === staff.role)?.name ?? staff.role;
  return [role, staff.district ?? '全市'].join(' · ');
}
