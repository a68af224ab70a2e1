const node = { testEnvironment: 'node', transform: { '\\.[jt]sx?$': 'babel-jest' } };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...node, displayName: 'domain', testMatch: ['<rootDir>/tests/domain/**/*.test.ts'] },
    {
      ...node,
      displayName: 'server',
      testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      transform: { '\\.[jt]sx?$': 'babel-jest' },
      // NutUI and its helpers ship ES modules.
      transformIgnorePatterns: ['/node_modules/(?!(@nutui|@swc/helpers)/)'],
      moduleNameMapper: {
        '\\.(css|scss)$': '<rootDir>/tests/support/empty-module.ts',
        // NutUI's Lottie component draws on a canvas as soon as it loads; jsdom has none and no test uses it.
        '^(lottie-(react|web)|@nutui/lottie-miniprogram)$':
          '<rootDir>/tests/support/empty-module.ts',
        '^@tarojs/components$': '<rootDir>/tests/support/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
        '^@/(.*)$': '<rootDir>/src/$1',
        // Its "main" is a UMD bundle that draws on a canvas at load; the ES build is what the app uses.
        '^@nutui/nutui-react-taro$':
          '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
      },
      setupFilesAfterEnv: ['<rootDir>/tests/support/components-setup.ts'],
    },
    {
      ...node,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
};
