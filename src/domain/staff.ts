import type { StaffRole } from './commitment';
import type { District } from './districts';

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
