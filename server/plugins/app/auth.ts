import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Staff } from '../../src/domain/staff';
import { hashToken } from '../auth/crypto';
import { AppError } from '../errors';
import { findStaffBySession } from '../repositories/staff';

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

/** The token of `Authorization: Bearer <token>`, or null when there is none. X-Ticket-Token is never read here. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/i.exec(header);
  return match ? match[1] : '';
}

async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('staff', null);

  async function staffOf(request: FastifyRequest): Promise<Staff | null | undefined> {
    const token = bearerToken(request);
    if (token === null) return null;
    if (token === '') return undefined;
    return findStaffBySession(app.db, hashToken(token), app.now());
  }

  const requireStaff: StaffGuard = async (request) => {
    const staff = await staffOf(request);
    if (!staff) throw new AppError(401, 'unauthorized');
    request.staff = staff;
  };

  app.decorate('requireStaff', requireStaff);
  app.decorate('requireAdmin', async (request: FastifyRequest) => {
    await requireStaff(request);
    if (request.staff?.role !== 'admin') throw new AppError(403, 'forbidden');
  });
  app.decorate('identifyStaff', async (request: FastifyRequest) => {
    const staff = await staffOf(request);
    if (staff === undefined) throw new AppError(401, 'unauthorized');
    request.staff = staff;
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['database'] });
