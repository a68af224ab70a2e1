const node = { testEnvironment: 'node', transform: { '\\.[jt]sx?$': 'babel-jest' } };

/** The app's tests run as the H5 build does: in a browser-like DOM, `x.h5.ts` chosen over `x.ts` (see platform-files.test.ts). */
const app = {
  testEnvironment: 'jsdom',
  transform: { '\\.[jt]sx?$': 'babel-jest' },
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  // NutUI and its helpers ship ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(@nutui|@swc/helpers)/)'],
  moduleNameMapper: {
    '\\.(css|scss)$': '<rootDir>/tests/support/empty-module.ts',
    // NutUI's Lottie component draws on a canvas as soon as it loads; jsdom has none and no test uses it.
    '^(lottie-(react|web)|@nutui/lottie-miniprogram)$': '<rootDir>/tests/support/empty-module.ts',
    '^@tarojs/components$': '<rootDir>/tests/support/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    // Its "main" is a UMD bundle that draws on a canvas at load; the ES build is what the app uses.
    '^@nutui/nutui-react-taro$':
      '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/components-setup.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  // A loaded 2-core machine makes a PostgreSQL test app in more than jest's default 5 s; files may ask for more.
  testTimeout: 30_000,
  projects: [
    { ...node, displayName: 'domain', testMatch: ['<rootDir>/tests/domain/**/*.test.ts'] },
    {
      ...node,
      displayName: 'server',
      testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
    },
    {
      ...app,
      displayName: 'components',
      // Pages, worker pages, components and hooks, each test named after what it tests.
      testMatch: ['<rootDir>/tests/{components,pages,worker,hooks,figures}/**/*.test.tsx'],
    },
    {
      ...app,
      displayName: 'services',
      // Services, and the app-level modules beside app.config.ts (app-paths).
      testMatch: ['<rootDir>/tests/services/**/*.test.{ts,tsx}', '<rootDir>/tests/*.test.ts'],
    },
    {
      ...node,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
};
