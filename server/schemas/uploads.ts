import { Type, type Static } from '@sinclair/typebox';
import type { UploadedPhoto } from '../../src/domain/ticket';
import type { Equals, Expect } from './common';

export const UploadedPhotoSchema = Type.Object({
  url: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
});

export const UploadNameParamsSchema = Type.Object({ name: Type.String({ maxLength: 64 }) });

export type SchemaMatchesDomain = Expect<Equals<Static<typeof UploadedPhotoSchema>, UploadedPhoto>>;
