import http from 'node:http';
import { e2eSettings } from './settings';

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * An HTTP request to the e2e server from another loopback address (on Linux all of 127.0.0.0/8 is this machine): the
 * server sees the socket of another client, as it would see another computer. Rate-limit tests each take an address
 * of their own, so what they spend never reaches the browser's client (127.0.0.1) or each other.
 */
export function requestFrom(
  localAddress: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    form,
    body = form ? new URLSearchParams(form).toString() : undefined,
    port = e2eSettings.port,
  }: {
    method?: string;
    headers?: Record<string, string>;
    form?: Record<string, string>;
    body?: string;
    /** Another server of the tests' own (default: the e2e server). */
    port?: number;
  } = {},
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        localAddress,
        headers: {
          host: `localhost:${port}`,
          ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, value]) => [name, [value].flat().join(', ')]),
            ),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
