/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
  }
}

/** Set by config/index.ts defineConstants: the API origin the weapp build calls. */
declare const API_BASE_URL: string;
