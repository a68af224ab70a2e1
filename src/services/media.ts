/** Photo paths from the API (/api/uploads/…) as URLs the platform can load: H5 shares the origin, weapp needs the host. */
export function mediaUrl(path: string): string {
  // Full URLs, and files still on the phone, load as they are.
  if (!path.startsWith('/') || process.env.TARO_ENV === 'h5') return path;
  const base = typeof API_BASE_URL === 'string' ? API_BASE_URL : '';
  return `${base}${path}`;
}
