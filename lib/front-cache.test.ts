import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFrontCache, type FrontCache } from './front-cache.mjs';

// A stand-in for Next's handler, answering the way Next does: a cached news page is written in one `end`, with
// `Cache-Control: s-maxage=…` set by setHeader; a streamed page in several writes and a writeHead with headers.
type Answer = {
  status?: number;
  headers?: Record<string, string>;
  chunks?: (string | Buffer)[];
  writeHead?: Record<string, string>;
};

let server: Server;
let origin: string;
let cache: FrontCache;
let clock: number;
let answers: (req: IncomingMessage) => Answer;
let calls: string[];
let release: (() => void) | null;

function nextLike(req: IncomingMessage, res: ServerResponse) {
  calls.push(`${req.method} ${req.url}`);
  const answer = answers(req);
  const respond = () => {
    res.statusCode = answer.status ?? 200;
    for (const [name, value] of Object.entries(
      answer.headers ?? {
        'cache-control': 's-maxage=60, stale-while-revalidate=31535940',
        'content-type': 'text/html; charset=utf-8',
      },
    ))
      res.setHeader(name, value);
    if (answer.writeHead) res.writeHead(res.statusCode, answer.writeHead);
    const chunks = answer.chunks ?? [`<p>${req.url} ${calls.length}</p>`];
    for (const chunk of chunks.slice(0, -1)) res.write(chunk);
    res.end(chunks.at(-1));
  };
  if (release === null) respond();
  else {
    const previous = release;
    release = () => {
      previous();
      respond();
    };
  }
}

beforeEach(async () => {
  clock = 1_000_000;
  calls = [];
  release = null;
  answers = () => ({});
  cache = createFrontCache(nextLike, { now: () => clock, ttlMs: 1000 });
  server = createServer((req, res) => void cache.serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await fetch(origin + path, { headers, method, redirect: 'manual' });
  return {
    status: response.status,
    cache: response.headers.get('x-front-cache'),
    headers: response.headers,
    body: method === 'HEAD' ? '' : await response.text(),
  };
}

describe('the front cache for the public news pages', () => {
  it('answers a repeated read of a news page from its copy, with Next’s headers and body, for a second', async () => {
    answers = () => ({
      headers: {
        'cache-control': 's-maxage=60',
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "script-src 'self'",
      },
    });
    const first = await get('/news/first-meeting');
    const second = await get('/news/first-meeting');
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    expect(second.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(first.body)));
    expect(calls).toEqual(['GET /news/first-meeting']);

    clock += 999;
    expect((await get('/news/first-meeting')).cache).toBe('hit');
    clock += 1;
    expect((await get('/news/first-meeting')).cache).toBe('miss');
    expect(calls).toHaveLength(2);
  });

  it('keeps every news path of both languages, and each apart', async () => {
    for (const path of [
      '/news',
      '/ru/news',
      '/news/page/2',
      '/ru/news/some-slug',
      '/news/feed.xml',
      '/ru/news/feed.xml',
    ]) {
      expect((await get(path)).cache, path).toBe('miss');
      expect((await get(path)).cache, path).toBe('hit');
    }
    expect(new Set(calls).size).toBe(6);
    expect(cache.size()).toBe(6);
  });

  it('passes everything else to Next untouched, every time', async () => {
    const untouched: [string, Record<string, string>, string?][] = [
      ['/', {}],
      ['/staff/summaries', {}],
      ['/news/some-slug?x=1', {}],
      ['/news/Some-Slug', {}],
      ['/news/a/b', {}],
      ['/newsletter', {}],
      ['/news/some-slug', { rsc: '1' }],
      ['/news/some-slug', { 'next-router-prefetch': '1' }],
      ['/news/some-slug', { 'next-router-state-tree': '%5B%5D' }],
      ['/news/some-slug', { 'next-router-segment-prefetch': '/_tree' }],
      ['/news/some-slug', { cookie: '__prerender_bypass=abc' }],
      ['/news/some-slug', {}, 'HEAD'],
      ['/news/some-slug', { 'next-action': 'abc' }, 'POST'],
    ];
    for (const [path, headers, method] of untouched) {
      calls = [];
      const first = await get(path, headers, method);
      const second = await get(path, headers, method);
      expect([first.cache, second.cache], `${method ?? 'GET'} ${path} ${JSON.stringify(headers)}`).toEqual([
        null,
        null,
      ]);
      expect(calls).toHaveLength(2);
    }
  });

  it('keeps only what Next says a shared cache may keep', async () => {
    const refused: [string, Answer][] = [
      ['/news/gone', { status: 404 }],
      ['/news/moved', { status: 308, headers: { location: '/news', 'cache-control': 's-maxage=60' } }],
      ['/news/private', { headers: { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' } }],
      ['/news/no-header', { headers: { 'content-type': 'text/html' } }],
      ['/news/browser-only', { headers: { 'cache-control': 'max-age=60' } }],
      ['/news/cookie', { headers: { 'cache-control': 's-maxage=60', 'set-cookie': 'a=b' } }],
    ];
    for (const [path, answer] of refused) {
      answers = () => answer;
      await get(path);
      expect((await get(path)).cache, path).toBe('miss');
    }
    expect(cache.size()).toBe(0);
  });

  it('keeps a page written in pieces, with headers given to writeHead', async () => {
    answers = () => ({
      headers: { 'content-type': 'text/html' },
      writeHead: { 'cache-control': 's-maxage=60', 'x-extra': 'yes' },
      chunks: ['<p>one', ' two', ' три</p>'],
    });
    await get('/news/streamed');
    const hit = await get('/news/streamed');
    expect(hit.cache).toBe('hit');
    expect(hit.body).toBe('<p>one two три</p>');
    expect(hit.headers.get('x-extra')).toBe('yes');
  });

  it('keeps one copy per Accept-Encoding, so a compressed body only goes to those who asked for it', async () => {
    answers = (req) =>
      String(req.headers['accept-encoding']).includes('gzip')
        ? {
            headers: { 'cache-control': 's-maxage=60', 'content-encoding': 'gzip' },
            chunks: [gzipSync('<p>compressed</p>')],
          }
        : { chunks: ['<p>plain</p>'] };
    const raw = async (encoding: string) => {
      const response = await fetch(`${origin}/news/x`, { headers: { 'accept-encoding': encoding } });
      return {
        cache: response.headers.get('x-front-cache'),
        encoding: response.headers.get('content-encoding'),
        body: Buffer.from(await response.arrayBuffer()),
      };
    };
    await raw('gzip, deflate, br');
    await raw('identity');
    const zipped = await raw('gzip, deflate, br');
    const plain = await raw('identity');
    expect([zipped.cache, plain.cache]).toEqual(['hit', 'hit']);
    expect(zipped.encoding).toBe('gzip');
    expect(plain.encoding).toBeNull();
    expect(plain.body.toString()).toBe('<p>plain</p>');
    // fetch decodes gzip itself: the bytes kept are the compressed page, whole.
    expect(zipped.body.toString()).toBe('<p>compressed</p>');
  });

  it('keeps what Next’s own compression writes (its gzip stream, its headers) and gives it back whole', async () => {
    // The middleware `next start` and getRequestHandler put around every answer (router-server.js).
    // @ts-expect-error: Next ships this compiled copy of `compression` without types.
    const { default: compression } = (await import('next/dist/compiled/compression')) as {
      default: () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
    };
    const compress = compression();
    const page = `<p>${'Ташкент, 14 мая 2024 г. '.repeat(200)}</p>`;
    answers = () => ({ chunks: [page] });
    cache = createFrontCache((req, res) => compress(req, res, () => nextLike(req, res)), {
      now: () => clock,
      ttlMs: 1000,
    });
    const read = async (encoding: string) => {
      const response = await fetch(`${origin}/news/x`, { headers: { 'accept-encoding': encoding } });
      return {
        cache: response.headers.get('x-front-cache'),
        encoding: response.headers.get('content-encoding'),
        vary: response.headers.get('vary'),
        body: await response.text(),
      };
    };
    const first = await read('gzip, deflate, br');
    const again = await read('gzip, deflate, br');
    expect([first.cache, again.cache]).toEqual(['miss', 'hit']);
    expect(again.encoding).toBe('gzip');
    expect(again.vary).toBe('Accept-Encoding');
    expect(again.body).toBe(page);
    const plain = await read('identity');
    expect([plain.cache, plain.encoding, plain.body]).toEqual(['miss', null, page]);
  });

  it('clear() drops every copy at once (a summary published or unpublished)', async () => {
    await get('/news/first-meeting');
    await get('/ru/news/first-meeting');
    expect((await get('/news/first-meeting')).cache).toBe('hit');
    cache.clear();
    expect(cache.size()).toBe(0);
    expect((await get('/news/first-meeting')).cache).toBe('miss');
    expect((await get('/ru/news/first-meeting')).cache).toBe('miss');
  });

  it('does not keep an answer that was on its way from Next when the copies were dropped', async () => {
    release = () => {};
    const pending = get('/news/first-meeting');
    await expect.poll(() => calls.length).toBe(1);
    cache.clear();
    release();
    release = null;
    expect((await pending).status).toBe(200);
    expect(cache.size()).toBe(0);
    expect((await get('/news/first-meeting')).cache).toBe('miss');
  });

  it('clears again when the request that published or unpublished is over: Next drops its own pages only then', async () => {
    // Next's old page is served until the action's request ends (where Next applies revalidatePath).
    let nextHasOldPage = true;
    answers = (req) => (req.method === 'POST' ? {} : { chunks: [nextHasOldPage ? '<p>old</p>' : '<p>new</p>'] });
    await get('/news/first-meeting');
    let actionRunning = false;
    let finishAction = () => {};
    const handle = createFrontCache(
      (req, res) => {
        if (req.method !== 'POST') return nextLike(req, res);
        handle.clear(); // refreshPublicNews, inside the action
        actionRunning = true;
        finishAction = () => {
          nextHasOldPage = false;
          res.end('done');
        };
      },
      { now: () => clock, ttlMs: 1000 },
    );
    cache = handle;
    const action = fetch(`${origin}/staff/summaries/1`, { method: 'POST', body: 'x' });
    await expect.poll(() => actionRunning).toBe(true);
    // A reader in between gets (and the cache keeps) Next's old page…
    expect((await get('/news/first-meeting')).body).toBe('<p>old</p>');
    expect((await get('/news/first-meeting')).cache).toBe('hit');
    finishAction();
    await (await action).text();
    // …until the action's request is over.
    const after = await get('/news/first-meeting');
    expect([after.cache, after.body]).toEqual(['miss', '<p>new</p>']);
  });

  it('does not keep an answer cut short (fewer bytes than its Content-Length) or one the reader left', async () => {
    answers = () => ({
      headers: { 'cache-control': 's-maxage=60', 'content-length': '100' },
      chunks: ['<p>short</p>'],
    });
    // The reader waits for the missing bytes: stop waiting after a moment.
    await fetch(`${origin}/news/cut`, { signal: AbortSignal.timeout(300) })
      .then((response) => response.text())
      .catch(() => '');
    expect(cache.size()).toBe(0);
    answers = () => ({ headers: { 'cache-control': 's-maxage=60' }, chunks: ['<p>part', ' rest</p>'] });
    release = () => {};
    const controller = new AbortController();
    const leaving = fetch(`${origin}/news/left`, { signal: controller.signal }).catch(() => null);
    await expect.poll(() => calls.length).toBe(2);
    controller.abort();
    await leaving;
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    release = null;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cache.size()).toBe(0);
  });

  it('holds at most 32 MB of copies however many Accept-Encoding variants are sent, dropping the oldest', async () => {
    answers = () => ({ chunks: ['x'.repeat(64 * 1024)] });
    for (let i = 0; i < 600; i++) await get('/news/x', { 'accept-encoding': `gzip;q=0.${i}` });
    expect(cache.size()).toBe(512);
    expect((await get('/news/x', { 'accept-encoding': 'gzip;q=0.599' })).cache).toBe('hit');
    expect((await get('/news/x', { 'accept-encoding': 'gzip;q=0.0' })).cache).toBe('miss');
  });
});
