import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const FRONT_CACHE_KEY: unique symbol;
export declare const FRONT_CACHE_MS: number;

export interface FrontCache {
  /** Answers from a kept copy, or passes to `handle` (keeping what it answers when it may be kept). */
  serve(req: IncomingMessage, res: ServerResponse): unknown;
  /** Drops every copy, and any answer still on its way. */
  clear(): void;
  size(): number;
}

export declare function createFrontCache(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  options?: { now?: () => number; ttlMs?: number },
): FrontCache;
