import { buildApp } from './build-app';
import { ConfigError, loadConfig } from './config';
import { loggerOptions } from './logging';

/** The server entry: owns the logger, timeouts, listening and graceful close. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = await buildApp(
    { config },
    {
      logger: loggerOptions(config.logLevel),
      connectionTimeout: 30_000,
      requestTimeout: 30_000,
      // Open311 clients ask for every open request by number in one URL (service_request_id=A,B,…): room for
      // tens of thousands, where Node allows 16 KiB of request line and headers by default.
      // Headers within requestTimeout too: Node enforces requestTimeout (a 408) only when its headersTimeout
      // (60 s by default) is no longer.
      http: { maxHeaderSize: 1024 * 1024, headersTimeout: 30_000 },
    },
  );

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'closing');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`民生实事 is on ${address.replace('0.0.0.0', 'localhost')} (${app.dialect})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
