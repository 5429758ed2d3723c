import type { IncomingHttpHeaders } from 'node:http';

export declare const SOCKET_ADDRESS_HEADER: string;
export declare const FORWARDED_HEADERS: string[];
export declare function parseTrustProxy(value: string | undefined): { hops: number } | { error: string };
export declare function forwardedEntry(header: string | null | undefined, hops: number): string | undefined;
export declare function clientAddress(request: {
  socketAddress: string | null | undefined;
  forwardedFor: string | null | undefined;
  hops: number;
}): string | undefined;
export declare function prepareIncomingHeaders(
  headers: IncomingHttpHeaders,
  settings: { socketAddress: string | undefined; hops: number },
): void;
export declare function strictTransportSecurity(authUrl: string | undefined): string | undefined;
