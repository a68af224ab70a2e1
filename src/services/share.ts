// Callers import `@/services/share`: the Taro build picks share.weapp.ts or share.h5.ts by platform.
// This plain file is what TypeScript and the component tests see; it is the H5 behaviour.
export { useShare } from './share.h5';
export type { ShareContent, ShareControl } from './share-types';
