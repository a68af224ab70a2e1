import type { Exchange, Outgoing } from './transport';

export type { Exchange, Outgoing } from './transport';

/**
 * The browser's way out: fetch, which every browser the H5 build targets has. Taro.request would bring its
 * fetch, AbortController and JSONP polyfills into the first script the page loads (decision 012). Rejects with an
 * error whose message says "timeout" when no answer came within `timeoutMs`, as Taro.request does.
 */
export async function send({ url, method, data, headers, timeoutMs }: Outgoing): Promise<Exchange> {
  const abort = typeof AbortController === 'function' ? new AbortController() : null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort?.abort();
      reject(new Error('request:fail timeout'));
    }, timeoutMs);
  });
  const exchange = (async () => {
    const response = await fetch(requestUrl(url, method, data), {
      method,
      // A GET has no body to type: without the header it is the request a preload made (index.html).
      headers: method === 'GET' ? withoutContentType(headers) : headers,
      body: method === 'GET' ? undefined : bodyOf(data, headers),
      signal: abort?.signal,
    });
    return { statusCode: response.status, data: parseJson(await response.text()) };
  })();
  // Answered by the timeout first, the fetch's own failure (aborted) is no one's to hear.
  exchange.catch(() => undefined);
  try {
    return await Promise.race([exchange, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** A GET's data goes in the query string, as Taro.request puts it. */
function requestUrl(url: string, method: string, data: unknown): string {
  if (method !== 'GET' || !data || typeof data !== 'object') return url;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined && value !== null) query.append(key, String(value));
  }
  const text = query.toString();
  return text ? `${url}${url.includes('?') ? '&' : '?'}${text}` : url;
}

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'),
  );
}

/** As Taro.request sends it: JSON for a JSON content type, anything else (a CSV file's bytes) as it is. */
function bodyOf(data: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (data === undefined || data === null) return undefined;
  const type = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (!type || type.includes('application/json')) return JSON.stringify(data);
  return data as BodyInit;
}

/** JSON when it is JSON, the text itself otherwise (an HTML error page from a proxy). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
