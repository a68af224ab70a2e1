import { randomBytes } from 'node:crypto';

/** Smallest files that start the way each image type does (the server tells types by their first bytes). */
export const IMAGES = {
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(64),
  ]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]),
  gif: Buffer.concat([Buffer.from('GIF89a', 'latin1'), randomBytes(64)]),
  webp: Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    Buffer.from([0x40, 0, 0, 0]),
    Buffer.from('WEBPVP8 ', 'latin1'),
    randomBytes(64),
  ]),
};
