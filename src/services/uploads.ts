import type { UploadedPhoto } from '@/domain/ticket';
import { upload } from './http';

/** Uploads one photo the person picked; the server answers with the URL to put in the request. */
export async function uploadPhoto(filePath: string): Promise<string> {
  const { url } = await upload<UploadedPhoto>('/api/uploads', filePath, 'file');
  return url;
}

/** Where to load a photo from: the server gives paths on itself, which the mini-program must reach by host. */
export function photoSrc(url: string): string {
  if (!url.startsWith('/') || process.env.TARO_ENV === 'h5') return url;
  return `${typeof API_BASE_URL === 'string' ? API_BASE_URL : ''}${url}`;
}
