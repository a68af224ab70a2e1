import { apiUrl } from './http';

/** Photo paths from the API (/api/uploads/…) as URLs the platform can load: H5 shares the origin, weapp needs the host. */
export function mediaUrl(path: string): string {
  // Full URLs, and files still on the phone, load as they are.
  return path.startsWith('/') ? apiUrl(path) : path;
}
