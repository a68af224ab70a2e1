/** Photo paths from the API (/uploads/…) as URLs the platform can load: H5 shares the origin, weapp needs the host. */
export function mediaUrl(path: string): string {
  if (/^https?:\/\//.test(path) || process.env.TARO_ENV === 'h5') return path;
  const base = typeof API_BASE_URL === 'string' ? API_BASE_URL : '';
  return `${base}${path}`;
}
