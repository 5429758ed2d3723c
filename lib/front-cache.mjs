// A shared-cache layer in front of Next's request handler for the public news pages (scripts/server.mjs).
//
// Why: Next serves a cached (ISR) page through its whole request pipeline — routing, header rules, the app-page
// handler, tracing — at about half a millisecond a request on this project's two-core machines, a third of the speed
// of a file from public/ (measured: scripts/bench-app.ts). The news pages are the same bytes for every reader and
// Next already marks them for shared caches (`Cache-Control: s-maxage=…`); this layer is that shared cache, kept
// for a second, so a burst of readers (the summary going out by email and social media) costs one pass through Next
// a second per page instead of one per reader.
//
// Plain JavaScript because it runs before Next, in the server process itself (no TypeScript compiler in production).
// Types: front-cache.d.mts.

/** The global the app uses to drop this process's copies at once when a summary is published or unpublished. */
export const FRONT_CACHE_KEY = Symbol.for('council-desk.front-cache');

/** How long a copy is served by default: short, because other instances' copies expire only by this (README). */
export const FRONT_CACHE_MS = 1000;

/** The public news pages and feeds, English and Russian: no query string (that goes to Next as it is). */
const NEWS_PATH = /^\/(?:ru\/)?news(?:\/page\/[0-9]{1,6}|\/[a-z0-9-]{1,200}|\/feed\.xml)?$/;

/** Requests whose answer differs from the plain page: Next's client navigation and draft mode. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action'];

const MAX_ENTRIES = 1000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 * @param {{ now?: () => number, ttlMs?: number }} [options]
 */
export function createFrontCache(handle, { now = Date.now, ttlMs = FRONT_CACHE_MS } = {}) {
  /** @type {Map<string, { headers: import('node:http').OutgoingHttpHeaders, body: Buffer, expires: number }>} */
  const entries = new Map();
  // Bumped by clear(): an answer that was on its way from Next when the summary changed is not kept.
  let generation = 0;

  const clear = () => {
    generation += 1;
    entries.clear();
  };

  /** @param {import('node:http').IncomingMessage} req */
  const keyOf = (req) => {
    if (req.method !== 'GET' || !req.url || !NEWS_PATH.test(req.url)) return null;
    if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
    if (req.headers.cookie?.includes('__prerender_bypass')) return null;
    // The body depends on the negotiated compression, so the copy does too (the header's exact text, bounded).
    return `${req.url}\n${String(req.headers['accept-encoding'] ?? '').slice(0, 200)}`;
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  const serve = (req, res) => {
    const key = ttlMs > 0 ? keyOf(req) : null;
    if (key === null) return handle(req, res);
    const hit = entries.get(key);
    if (hit && hit.expires > now()) {
      res.writeHead(200, { ...hit.headers, 'content-length': hit.body.length, 'x-front-cache': 'hit' });
      res.end(hit.body);
      return;
    }
    if (hit) entries.delete(key);
    keepAnswer(req, res, key);
    return handle(req, res);
  };

  /**
   * Copies what Next writes for this request and keeps it when Next says a shared cache may.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} key
   */
  const keepAnswer = (req, res, key) => {
    const startedIn = generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @type {import('node:http').OutgoingHttpHeaders} */
    let headArgument = {};
    const { writeHead, write, end } = res;
    res.setHeader('x-front-cache', 'miss');
    /** @param {unknown} chunk @param {unknown} encoding */
    const copy = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8') : Buffer.from(/** @type {Uint8Array} */ (chunk));
      size += buffer.length;
      if (size <= MAX_BODY_BYTES) chunks.push(buffer);
    };
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {number} */ status, /** @type {unknown[]} */ ...rest) {
        const headers = rest.find((argument) => argument && typeof argument === 'object' && !Array.isArray(argument));
        if (headers) headArgument = /** @type {import('node:http').OutgoingHttpHeaders} */ (headers);
        return writeHead.call(this, status, .../** @type {[]} */ (rest));
      }
    );
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
        copy(chunk, encoding);
        return write.call(this, chunk, /** @type {BufferEncoding} */ (encoding), /** @type {() => void} */ (callback));
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
        copy(chunk, encoding);
        const headers = { ...res.getHeaders(), ...headArgument };
        delete headers['x-front-cache'];
        const cacheControl = String(headers['cache-control'] ?? '');
        const shareable = /(?:^|,)\s*s-maxage=\d+/.test(cacheControl) && !/private|no-store/.test(cacheControl);
        if (res.statusCode === 200 && shareable && !headers['set-cookie'] && size <= MAX_BODY_BYTES && startedIn === generation) {
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? '');
          entries.set(key, { headers, body: Buffer.concat(chunks), expires: now() + ttlMs });
        }
        return end.call(this, chunk, /** @type {BufferEncoding} */ (encoding), /** @type {() => void} */ (callback));
      }
    );
  };

  return { serve, clear, size: () => entries.size };
}
