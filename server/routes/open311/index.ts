import type { FastifyPluginAsync } from 'fastify';
import { notFound, sendOpen311Error } from '../../open311/answer';
import requestRoutes from './requests';
import serviceRoutes from './services';
import updateRoutes from './updates';

/**
 * Open311 GeoReport v2 under `/open311/v2/` (server/app.ts gives the prefix): services, requests, and mySociety's
 * request updates, in XML (required) or JSON by the resource's extension. Every refusal is the errors body in the
 * format asked for, never the API's envelope, and never a redirect.
 */
const open311Routes: FastifyPluginAsync = async (app) => {
  app.setErrorHandler(sendOpen311Error);
  await app.register(serviceRoutes);
  await app.register(requestRoutes);
  await app.register(updateRoutes);
  // Anything else under the root (another resource, another method): 404 in the errors body.
  app.all('/*', async () => {
    throw notFound();
  });
};

export default open311Routes;
