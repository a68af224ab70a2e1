import type { District } from './districts';

export const STAFF_ROLES = [
  { code: 'worker', name: '社区工作者' },
  { code: 'admin', name: '管理员' },
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number]['code'];

export function staffRoleName(role: StaffRole): string {
  return STAFF_ROLES.find((r) => r.code === role)!.name;
}

/** A signed-in community worker or admin, as the server knows them from their bearer token. */
export interface Staff {
  id: string;
  username: string;
  /** Display name shown on updates and ticket events. */
  name: string;
  role: StaffRole;
  /** A worker's district; admins act everywhere and may have none. */
  district: District | null;
}

/** Workers act within their own district; admins everywhere. */
export function canActInDistrict(
  staff: Pick<Staff, 'role' | 'district'>,
  district: string,
): boolean {
  return staff.role === 'admin' || staff.district === district;
}
