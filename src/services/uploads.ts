import type { UploadedPhoto } from '@/domain/ticket';
import { upload } from './http';

/** Uploads one photo the person picked; the server answers with the URL to put in the request. */
export async function uploadPhoto(filePath: string): Promise<string> {
  const { url } = await upload<UploadedPhoto>('/api/uploads', filePath, 'file');
  return url;
}
