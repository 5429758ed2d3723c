import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFrontCache, type FrontCache } from './front-cache.mjs';

// A stand-in for Next's handler, answering the way Next does: a cached news page is written in one `end`, with
// `Cache-Control: s-maxage=…` set by setHeader; a streamed page in several writes and a writeHead with headers.
type Answer = { status?: number; headers?: Record<string, string>; chunks?: (string | Buffer)[]; writeHead?: Record<string, string> };

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
    for (const [name, value] of Object.entries(answer.headers ?? { 'cache-control': 's-maxage=60, stale-while-revalidate=31535940', 'content-type': 'text/html; charset=utf-8' })) res.setHeader(name, value);
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
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await fetch(origin + path, { headers, method, redirect: 'manual' });
  return { status: response.status, cache: response.headers.get('x-front-cache'), headers: response.headers, body: method === 'HEAD' ? '' : await response.text() };
}

describe('the front cache for the public news pages', () => {
  it('answers a repeated read of a news page from its copy, with Next’s headers and body, for a second', async () => {
    answers = () => ({ headers: { 'cache-control': 's-maxage=60', 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'self'" } });
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
    for (const path of ['/news', '/ru/news', '/news/page/2', '/ru/news/some-slug', '/news/feed.xml', '/ru/news/feed.xml']) {
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
      expect([first.cache, second.cache], `${method ?? 'GET'} ${path} ${JSON.stringify(headers)}`).toEqual([null, null]);
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
    answers = () => ({ headers: { 'content-type': 'text/html' }, writeHead: { 'cache-control': 's-maxage=60', 'x-extra': 'yes' }, chunks: ['<p>one', ' two', ' три</p>'] });
    await get('/news/streamed');
    const hit = await get('/news/streamed');
    expect(hit.cache).toBe('hit');
    expect(hit.body).toBe('<p>one two три</p>');
    expect(hit.headers.get('x-extra')).toBe('yes');
  });

  it('keeps one copy per Accept-Encoding, so a compressed body only goes to those who asked for it', async () => {
    answers = (req) =>
      String(req.headers['accept-encoding']).includes('gzip')
        ? { headers: { 'cache-control': 's-maxage=60', 'content-encoding': 'gzip' }, chunks: [gzipSync('<p>compressed</p>')] }
        : { chunks: ['<p>plain</p>'] };
    const raw = async (encoding: string) => {
      const response = await fetch(`${origin}/news/x`, { headers: { 'accept-encoding': encoding } });
      return { cache: response.headers.get('x-front-cache'), encoding: response.headers.get('content-encoding'), body: Buffer.from(await response.arrayBuffer()) };
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

  it('holds at most 1,000 copies however many Accept-Encoding variants are sent', async () => {
    for (let i = 0; i < 1005; i++) await get('/news/x', { 'accept-encoding': `gzip;q=0.${i}` });
    expect(cache.size()).toBe(1000);
  });
});
