import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import { PreloadPageChunks } from './preload-page-chunks';
import prodConfig from './prod';

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'pds-minsheng',
    date: '2026-11-26',
    // NutUI is drawn at 375; our own styles at 750.
    designWidth(input) {
      const file = typeof input === 'object' ? input?.file?.replace(/\\+/g, '/') : '';
      return file?.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // H5_DIR lets two checkouts' test runs build side by side; the server reads the same variable.
    outputRoot:
      process.env.TARO_ENV === 'h5' && process.env.H5_DIR
        ? process.env.H5_DIR
        : `dist/${process.env.TARO_ENV}`,
    // weapp-aria: the mini-program's templates carry the aria attributes WeChat reads (Taro's carry none).
    plugins: ['@tarojs/plugin-html', path.join(__dirname, 'weapp-aria/index.js')],
    defineConstants: {
      // The weapp build calls the API here; the H5 build calls its own origin.
      API_BASE_URL: JSON.stringify(process.env.API_BASE_URL ?? 'http://localhost:3000'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Taro's H5 defaults quote every key of every object (for ES3 engines): not for the browsers the H5 build
    // targets (babel.config.js), and 10% of the scripts' size. Two passes find a little more.
    ...(process.env.TARO_ENV === 'h5' && {
      terser: {
        enable: true,
        config: {
          output: { quote_keys: false, keep_quoted_props: false },
          compress: { passes: 2 },
        },
      },
    }),
    cache: { enable: false },
    mini: {
      // Page styles are scoped by class names, so the order of the shared CSS chunk does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // The tab bar's icons as files (`limit: true` inlines none), not base64 in the app's first script: the first
      // visit downloads them after the scripts, while the page is drawn (decision 012).
      imageUrlLoaderOption: { limit: true },
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // Each of Taro's components in a module of its own, so that a page loads only those it uses.
        chain.resolve.alias.set(
          '@tarojs/components$',
          path.join(__dirname, 'h5-components/index.js'),
        );
        // Taro's component styles carry the weui icon font inline (6 KB in the app's first script), for its icons,
        // checkboxes and toasts: as a file, a browser downloads it only when a page shows one of them.
        chain.module
          .rule('inline-font')
          .set('scheme', 'data')
          .set('mimetype', 'application/octet-stream')
          .set('type', 'asset/resource')
          .set('generator', { filename: 'static/fonts/[contenthash:8].ttf' });
        // Taro splits only the initial chunks, so each page's chunk carried its own copy of NutUI. Shared chunks
        // for the lazy pages too halve the whole build; webpack's own minimum size and at most 5 files per page
        // keep a page's first opening on a slow link about as fast as before (many small files were 40% slower).
        chain.optimization.merge({
          splitChunks: { chunks: 'all', minSize: 20_000, maxAsyncRequests: 5 },
        });
        // The page a link opens, and the API answers it asks for first, download with the app's own scripts
        // rather than after them (decision 012).
        chain.plugin('preload-page-chunks').use(PreloadPageChunks, [
          {
            home: 'pages/index/index',
            data: {
              everyPage: ['/api/meta'],
              pages: { 'pages/commitments/index': ['/api/commitments?limit=20'] },
            },
          },
        ]);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
