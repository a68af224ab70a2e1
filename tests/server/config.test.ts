import path from 'node:path';
import { ConfigError, loadConfig, loadH5Dir } from '../../server/config';

describe('configuration', () => {
  it('reads the defaults when the environment sets nothing', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      trustProxy: false,
    });
    expect(config.h5Dir).toBe(path.resolve('dist/h5'));
  });

  it('refuses a wrong value at boot, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('gives the build script the H5 directory the server serves', () => {
    for (const H5_DIR of [undefined, '', 'build/h5', '/tmp/elsewhere']) {
      expect(loadH5Dir({ H5_DIR })).toBe(loadConfig({ H5_DIR }).h5Dir);
    }
  });
});
