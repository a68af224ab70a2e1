import { buildApp, listeningOptions } from './build-app';
import { ConfigError, loadConfig } from './config';

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

  const app = await buildApp({ config }, listeningOptions(config));

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
