// `npm start`: the production server — Next's own request handler, with the public news pages answered from a
// one-second shared cache in front of it (lib/front-cache.mjs says why). Everything else goes to Next untouched.
//   node scripts/server.mjs [--hostname H] [--port P]      (defaults: every interface; $PORT or 3000)
// Stops on SIGTERM/SIGINT after the requests in progress, as `next start` does.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import nextEnv from '@next/env';
import { createFrontCache, FRONT_CACHE_KEY, FRONT_CACHE_MS } from '../lib/front-cache.mjs';
import { PIPED_RESPONSES_KEY } from '../lib/piped-responses.mjs';
import { parseTrustProxy, prepareIncomingHeaders, strictTransportSecurity } from '../lib/trust-proxy.mjs';

process.env.NODE_ENV = 'production';
// V8 starts a full collection once the old generation, plus the buffers allocated since the last one, pass a limit it
// sets at 1.4–1.8 times what survived. A download allocates buffers as fast as it sends, so with twenty at once the
// app's 58 MB heap was collected ten times a second, its concurrent marking taking most of a core. At three times
// what survived (and with downloads freeing their chunks early, below), a tenth as many full collections and 30–40 %
// more MB/s (npm run bench -- --only documents). lib/garbage-hint.ts still bounds a single long stream's memory.
v8.setFlagsFromString('--heap-growing-percent=200');
// Next pipes every response here to its socket: downloads may free each chunk once written (lib/piped-responses.mjs).
Object.defineProperty(globalThis, PIPED_RESPONSES_KEY, { value: true });
const root = path.resolve(import.meta.dirname, '..');
// The settings below come from the same .env files Next reads (it would load them only later, inside prepare()).
nextEnv.loadEnvConfig(root);

/** @param {string} message */
const refuse = (message) => {
  console.error(message);
  process.exit(2);
};

/** @type {{ hostname?: string, port?: string }} */
let values = {};
try {
  ({ values } = parseArgs({
    options: { hostname: { type: 'string', short: 'H' }, port: { type: 'string', short: 'p' } },
  }));
} catch (error) {
  refuse(`${error instanceof Error ? error.message : error}\nUsage: npm start [-- --hostname H] [-- --port P]`);
}
const portSetting = values.port ?? (process.env.PORT?.trim() || '3000');
const port = Number(portSetting);
// Not 0: Next addresses its own server by this port (the redirect after a server action).
if (!/^[0-9]{1,5}$/.test(portSetting) || port < 1 || port > 65535)
  refuse(`--port (or PORT) takes a port number from 1 to 65535, not "${portSetting}"`);
const hostname = values.hostname;
// How long a news page's copy is kept (lib/front-cache.mjs); 0 turns the front cache off.
const frontCacheSetting = process.env.NEWS_FRONT_CACHE_SECONDS?.trim() || String(FRONT_CACHE_MS / 1000);
if (!/^[0-9]{1,2}$/.test(frontCacheSetting) || Number(frontCacheSetting) > 60) {
  refuse(
    `Invalid configuration:\n  NEWS_FRONT_CACHE_SECONDS: must be a whole number of seconds from 0 to 60, not "${frontCacheSetting}"`,
  );
}
const frontCacheMs = Number(frontCacheSetting) * 1000;
// Which forwarded headers are a proxy's and which the client's (lib/trust-proxy.mjs); lib/env.ts checks it again.
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
if ('error' in trustProxy) refuse(`Invalid configuration:\n  TRUST_PROXY: ${trustProxy.error}`);
const hops = 'hops' in trustProxy ? trustProxy.hops : 0;
const hsts = strictTransportSecurity(process.env.AUTH_URL);

const { default: next } = await import('next');

const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const frontCache = createFrontCache((req, res) => handle(req, res), { ttlMs: frontCacheMs });
// lib/summary/public-cache.ts drops the copies when a summary is published or unpublished (same process).
Object.defineProperty(globalThis, FRONT_CACHE_KEY, { value: { clear: frontCache.clear } });

const server = createServer((req, res) => {
  // Only this process sees the socket: proxy.ts and the app learn the client's address from the header set here.
  prepareIncomingHeaders(req.headers, { socketAddress: req.socket.remoteAddress, hops });
  if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  // Every request carries an id the app's log lines name (services/actions.ts): a proxy's own, if it sent a sane one.
  const incoming = req.headers['x-request-id'];
  if (typeof incoming !== 'string' || !/^[\w.:-]{1,100}$/.test(incoming)) req.headers['x-request-id'] = randomUUID();
  Promise.resolve(frontCache.serve(req, res)).catch((error) => {
    console.error(error);
    // Half an answer is cut off rather than finished with an error text (and never kept by the front cache).
    if (res.headersSent) res.destroy();
    else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
  });
});
server.listen(port, hostname, () => console.log(`▲ Council Desk ready on http://${hostname ?? 'localhost'}:${port}`));

let stopping = false;
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch(console.error)
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  });
}
