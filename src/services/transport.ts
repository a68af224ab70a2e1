import Taro from '@tarojs/taro';

/** One HTTP exchange as the API client needs it: the status and the parsed JSON body (or whatever came). */
export interface Exchange {
  statusCode: number;
  data: unknown;
}

export interface Outgoing {
  url: string;
  method: 'GET' | 'POST';
  data: unknown;
  headers: Record<string, string>;
  timeoutMs: number;
}

/**
 * The mini-program's way out: Taro.request. Rejects with Taro's error (its errMsg says "timeout" on a timeout)
 * when no answer came. The H5 build has its own (transport.h5.ts).
 */
export async function send({ url, method, data, headers, timeoutMs }: Outgoing): Promise<Exchange> {
  const response = await Taro.request({
    url,
    method,
    data: data as Taro.request.Option['data'],
    header: headers,
    timeout: timeoutMs,
    dataType: 'json',
  });
  return { statusCode: response.statusCode, data: response.data };
}
