// Taro's preset for the builds; a plain Node preset for jest.
const H5_TARGETS = { chrome: '61', android: '61', safari: '11', ios: '11' };

module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  return {
    presets: [
      [
        'taro',
        {
          framework: 'react',
          ts: true,
          compiler: 'webpack5',
          // H5: browsers with ES2017, as every browser that runs the offline shell has (decision 012); async
          // functions and classes stay as they are. The mini-program keeps package.json's browserslist.
          ...(process.env.TARO_ENV === 'h5' && { targets: H5_TARGETS }),
        },
      ],
    ],
    plugins: [
      [
        'import',
        {
          libraryName: '@nutui/nutui-react-taro',
          // NutUI 3.0.x keeps each component's CSS at dist/es/packages/<lowercase name>/style/css.
          camel2DashComponentName: false,
          customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
          customStyleName: (name) =>
            `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
        },
        'nutui-react-taro',
      ],
    ],
  };
};
