import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors';
import { findCitizenBySession, type Citizen } from '../../repositories/citizens';
import { findStaffBySession } from '../../repositories/staff';
import { bearerToken, type StaffGuard } from './auth';

declare module 'fastify' {
  interface FastifyInstance {
    /** Citizens' routes: 401 `unauthorized` without a live citizen session; sets `request.citizen`. */
    requireCitizen: StaffGuard;
    /**
     * Routes open to anyone who holds a request (its reading, rating): sets `request.staff` or `request.citizen`
     * for a live session of either, neither without a token, and answers 401 for a token that is no live session.
     */
    identifyCaller: StaffGuard;
    /** The citizen of a live citizen session, or null (no token, a staff token, a dead one): never refuses. */
    citizenOf(request: FastifyRequest): Promise<Citizen | null>;
  }
  interface FastifyRequest {
    /** The signed-in citizen, or null: set by the guards above. */
    citizen: Citizen | null;
  }
}

/**
 * Citizens' bearer sessions (issue 15), beside the staff's: the same header and token shape, in a table of their
 * own. A citizen's token is never a staff session, so every staff route answers it 401.
 */
async function citizensPlugin(app: FastifyInstance) {
  app.decorateRequest('citizen', null);

  async function citizenOf(request: FastifyRequest): Promise<Citizen | null> {
    const bearer = bearerToken(request);
    if (bearer.kind !== 'present') return null;
    return (await findCitizenBySession(app.db, { token: bearer.token, now: app.now() })) ?? null;
  }

  app.decorate('citizenOf', citizenOf);
  app.decorate('requireCitizen', async (request: FastifyRequest) => {
    const citizen = await citizenOf(request);
    if (!citizen) throw new AppError(401, 'unauthorized');
    request.citizen = citizen;
  });
  app.decorate('identifyCaller', async (request: FastifyRequest) => {
    const bearer = bearerToken(request);
    if (bearer.kind === 'absent') return;
    if (bearer.kind === 'malformed') throw new AppError(401, 'unauthorized');
    const now = app.now();
    const staff = await findStaffBySession(app.db, { token: bearer.token, now });
    if (staff) {
      request.staff = staff;
      return;
    }
    const citizen = await findCitizenBySession(app.db, { token: bearer.token, now });
    if (!citizen) throw new AppError(401, 'unauthorized');
    request.citizen = citizen;
  });
}

export default fp(citizensPlugin, { name: 'citizens', dependencies: ['database', 'auth'] });
