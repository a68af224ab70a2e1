import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Staff } from '../../../src/domain/staff';
import { AppError } from '../../errors';
import { findStaffBySession } from '../../repositories/staff';

/** A preHandler: throws the envelope (401/403) or lets the request through with `request.staff` set. */
export type StaffGuard = (request: FastifyRequest) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Staff routes: 401 `unauthorized` without a live bearer token; sets `request.staff`. */
    requireStaff: StaffGuard;
    /** Admin-only routes: as requireStaff, then 403 `forbidden` for a worker. */
    requireAdmin: StaffGuard;
    /**
     * Routes open to others too (e.g. a ticket read by its submitter or by staff): sets `request.staff` when a
     * bearer token is sent, leaves it null without one, and answers 401 when the token sent is not live.
     */
    identifyStaff: StaffGuard;
  }
  interface FastifyRequest {
    /** The signed-in worker or admin, or null: set by the guards above. */
    staff: Staff | null;
  }
}

/** What `Authorization` carries. X-Ticket-Token is never read here. */
export type BearerToken =
  | { kind: 'absent' }
  /** A header that is not `Bearer <token>` in the shape our tokens have. */
  | { kind: 'malformed' }
  | { kind: 'present'; token: string };

export function bearerToken(request: FastifyRequest): BearerToken {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return { kind: 'absent' };
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/i.exec(header);
  return match ? { kind: 'present', token: match[1] } : { kind: 'malformed' };
}

/** The token of a request that requireStaff let through; 401 for any other request. */
export function sessionToken(request: FastifyRequest): string {
  const bearer = bearerToken(request);
  if (bearer.kind !== 'present') throw new AppError(401, 'unauthorized');
  return bearer.token;
}

/** Who sent a request, as its bearer token says. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'staff'; staff: Staff }
  /** A token that is not one of a live session: expired, revoked, of a disabled account, or malformed. */
  | { kind: 'not_signed_in' };

async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('staff', null);

  async function callerOf(request: FastifyRequest): Promise<Caller> {
    const bearer = bearerToken(request);
    if (bearer.kind === 'absent') return { kind: 'anonymous' };
    if (bearer.kind === 'malformed') return { kind: 'not_signed_in' };
    const staff = await findStaffBySession(app.db, { token: bearer.token, now: app.now() });
    return staff ? { kind: 'staff', staff } : { kind: 'not_signed_in' };
  }

  const requireStaff: StaffGuard = async (request) => {
    const caller = await callerOf(request);
    if (caller.kind !== 'staff') throw new AppError(401, 'unauthorized');
    request.staff = caller.staff;
  };

  app.decorate('requireStaff', requireStaff);
  app.decorate('requireAdmin', async (request: FastifyRequest) => {
    await requireStaff(request);
    if (request.staff?.role !== 'admin') throw new AppError(403, 'forbidden');
  });
  app.decorate('identifyStaff', async (request: FastifyRequest) => {
    const caller = await callerOf(request);
    if (caller.kind === 'not_signed_in') throw new AppError(401, 'unauthorized');
    request.staff = caller.kind === 'staff' ? caller.staff : null;
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['database'] });
