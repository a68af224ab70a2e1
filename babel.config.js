// Taro's preset for the builds; a plain Node preset for jest.
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
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
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
