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

/**
 * The public news pages and feeds, and the public meeting pages (lib/public-meeting-cache.ts), English and Russian:
 * no query string (that goes to Next as it is).
 */
const NEWS_PATH =
  /^\/(?:ru\/)?(?:news(?:\/page\/[0-9]{1,6}|\/[a-z0-9-]{1,200}|\/feed\.xml)?|meetings\/[a-z0-9-]{1,200})$/;

/** Requests whose answer differs from the plain page: Next's client navigation. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch'];

/** What the copies may take in all (a page is ~25 KB): a client sending made-up Accept-Encoding values only evicts. */
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 * @param {{ now?: () => number, ttlMs?: number }} [options]
 */
export function createFrontCache(handle, { now = Date.now, ttlMs = FRONT_CACHE_MS } = {}) {
  /** @type {Map<string, { headers: import('node:http').OutgoingHttpHeaders, body: Buffer, expires: number }>} */
  const entries = new Map();
  let totalBytes = 0;
  // Bumped by clear(): an answer that was on its way from Next when the summary changed is not kept.
  let generation = 0;

  const clear = () => {
    generation += 1;
    entries.clear();
    totalBytes = 0;
  };

  /** @param {string} key */
  const drop = (key) => {
    const entry = entries.get(key);
    if (!entry) return;
    totalBytes -= entry.body.length;
    entries.delete(key);
  };

  /** @param {string} key @param {{ headers: import('node:http').OutgoingHttpHeaders, body: Buffer, expires: number }} entry */
  const keep = (key, entry) => {
    drop(key);
    // Oldest first: with a one-second life, those are the expired ones.
    for (const oldest of entries.keys()) {
      if (totalBytes + entry.body.length <= MAX_TOTAL_BYTES) break;
      drop(oldest);
    }
    entries.set(key, entry);
    totalBytes += entry.body.length;
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
    if (key === null) {
      if (ttlMs > 0 && req.method !== 'GET' && req.method !== 'HEAD') clearAgainAfter(res);
      return handle(req, res);
    }
    const hit = entries.get(key);
    if (hit && hit.expires > now()) {
      res.writeHead(200, { ...hit.headers, 'content-length': hit.body.length, 'x-front-cache': 'hit' });
      res.end(hit.body);
      return;
    }
    if (hit) drop(key);
    keepAnswer(res, key);
    return handle(req, res);
  };

  /**
   * A server action that publishes or unpublishes clears the copies while it runs, but Next drops its own cached
   * pages only after the action's body (revalidatePath is applied at the end of the request): a reader in between
   * would get, and leave here, the old page. So a request that may have changed something and during which the copies
   * were cleared clears them once more when it is over.
   * @param {import('node:http').ServerResponse} res
   */
  const clearAgainAfter = (res) => {
    const startedIn = generation;
    res.once('close', () => {
      if (generation !== startedIn) clear();
    });
  };

  /**
   * Copies what Next writes for this request and keeps it, once it has all gone out, when Next says a shared cache
   * may. Headers are read from the response at the end: setting one here first makes Node merge the ones Next hands
   * to writeHead into them.
   * @param {import('node:http').ServerResponse} res
   * @param {string} key
   */
  const keepAnswer = (res, key) => {
    const startedIn = generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const { write, end } = res;
    res.setHeader('x-front-cache', 'miss');
    /** @param {unknown} chunk @param {unknown} encoding */
    const copy = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8')
          : Buffer.from(/** @type {Uint8Array} */ (chunk));
      size += buffer.length;
      if (size <= MAX_BODY_BYTES) chunks.push(buffer);
    };
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
        copy(chunk, encoding);
        return write.call(this, chunk, /** @type {BufferEncoding} */ (encoding), /** @type {() => void} */ (callback));
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
        copy(chunk, encoding);
        return end.call(this, chunk, /** @type {BufferEncoding} */ (encoding), /** @type {() => void} */ (callback));
      }
    );
    // 'finish': the whole answer was handed to the connection (not on an error, nor when the reader went away).
    res.once('finish', () => {
      const headers = res.getHeaders();
      delete headers['x-front-cache'];
      const cacheControl = String(headers['cache-control'] ?? '');
      const shareable = /(?:^|,)\s*s-maxage=\d+/.test(cacheControl) && !/private|no-store/.test(cacheControl);
      const declared = headers['content-length'];
      const whole = declared === undefined || Number(declared) === size;
      if (
        res.statusCode !== 200 ||
        !shareable ||
        headers['set-cookie'] ||
        !whole ||
        size > MAX_BODY_BYTES ||
        startedIn !== generation
      )
        return;
      keep(key, { headers, body: Buffer.concat(chunks), expires: now() + ttlMs });
    });
  };

  return { serve, clear, size: () => entries.size };
}
