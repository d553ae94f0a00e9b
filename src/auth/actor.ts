import type { Role } from './roles.js';

/** Who is acting, as every service and repository sees the caller. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  organizationId: string;
  /** the party committee the caller works in (its organization's province) */
  committee: string;
  requestId: string | null;
}
