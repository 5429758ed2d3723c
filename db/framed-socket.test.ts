import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { copyPool } from './binary-copy';
import { framedSocket, framingSuits, MessageFramer, releaseMessageBuffer } from './framed-socket';

/** A PostgreSQL message: type byte, 32-bit length (itself and the body), body. */
function message(type: string, bodyLength: number, fill: number): Buffer {
  const bytes = Buffer.alloc(5 + bodyLength, fill);
  bytes.write(type, 0, 'latin1');
  bytes.writeUInt32BE(4 + bodyLength, 1);
  return bytes;
}

/** Feeds `stream` to a framer in reads of the given sizes (cycled); returns what it handed on. */
function frame(stream: Buffer, readSizes: number[]) {
  const framer = new MessageFramer();
  const handedOn: Buffer[] = [];
  for (let offset = 0, turn = 0; offset < stream.length; turn++) {
    const space = framer.space();
    if (space.length === 0) throw new Error('the framer left no room to read into');
    const count = Math.min(space.length, readSizes[turn % readSizes.length]!, stream.length - offset);
    stream.copy(space, 0, offset, offset + count);
    offset += count;
    const whole = framer.received(count);
    if (whole) handedOn.push(Buffer.from(whole));
  }
  return handedOn;
}

/** Splits a run of whole messages into them (throws if it ends inside one). */
function messagesIn(run: Buffer): Buffer[] {
  const found: Buffer[] = [];
  for (let offset = 0; offset < run.length;) {
    const size = 1 + run.readUInt32BE(offset + 1);
    if (offset + size > run.length) throw new Error('a run ends inside a message');
    found.push(run.subarray(offset, offset + size));
    offset += size;
  }
  return found;
}

const sameMessages = (found: Buffer[], expected: Buffer[]) =>
  found.length === expected.length && found.every((each, i) => each.equals(expected[i]!));

/** Reads `large` (one message longer than a read) through a framer; returns what it handed on. */
function readLargeMessage(large: Buffer) {
  const framer = new MessageFramer();
  const first = framer.space();
  large.copy(first, 0, 0, first.length);
  expect(framer.received(first.length)).toBeNull();
  const rest = framer.space();
  large.copy(rest, 0, first.length);
  return { whole: framer.received(rest.length)!, rest };
}

describe('the message framer of the COPY pool', () => {
  // Small messages around large ones, as a COPY's answer comes: CopyOutResponse, a 512 KiB row, CopyDone, ….
  const messages = [
    message('H', 7, 1),
    message('d', 512 * 1024 + 21, 2),
    message('c', 0, 0),
    message('C', 9, 3),
    message('Z', 1, 73),
    message('d', 100_000, 4),
    message('d', 3, 5),
    message('d', 70_000, 6),
  ];
  const stream = Buffer.concat(messages);

  it.each([[[1]], [[5]], [[7, 3]], [[65_536]], [[1000, 1, 80_000]], [[stream.length]]])(
    'hands on every message whole and in order, read in pieces of %j bytes',
    (readSizes) => {
      expect(sameMessages(frame(stream, readSizes).flatMap(messagesIn), messages)).toBe(true);
    },
  );

  it('reads a message longer than a read into a buffer of its own size, handed on without a copy', () => {
    const large = message('d', 300_000, 9);
    const { whole, rest } = readLargeMessage(large);
    expect(rest.length).toBe(large.length - 64 * 1024);
    expect(whole.equals(large)).toBe(true);
    // The read went into the buffer handed on: the same memory, not a copy of it.
    expect(whole.buffer).toBe(rest.buffer);
  });

  it('frees a large message’s buffer when asked, and nothing else', () => {
    const { whole } = readLargeMessage(message('d', 300_000, 9));
    const field = whole.subarray(9);
    expect(releaseMessageBuffer(field)).toBe(true);
    expect(whole.length).toBe(0);
    expect(releaseMessageBuffer(field)).toBe(false);
    // Small messages are copied out, often into Node's shared pool: never freed.
    const [small] = frame(message('C', 9, 3), [64 * 1024]);
    const pooled = Buffer.from('a pooled buffer');
    expect(releaseMessageBuffer(small!)).toBe(false);
    expect(releaseMessageBuffer(pooled)).toBe(false);
    expect(pooled.toString()).toBe('a pooled buffer');
  });

  it('refuses bytes that are not PostgreSQL messages', () => {
    const framer = new MessageFramer();
    const bogus = Buffer.from([0x44, 0, 0, 0, 2]);
    bogus.copy(framer.space());
    expect(() => framer.received(bogus.length)).toThrow(/not a PostgreSQL message/);
  });
});

describe('the framed socket', () => {
  const servers: net.Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  async function serve(answer: (socket: net.Socket) => void): Promise<number> {
    const server = net.createServer(answer);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as net.AddressInfo).port;
  }

  it('emits whole messages however the bytes arrive', async () => {
    const sent = [message('d', 200_000, 7), message('C', 4, 8), message('Z', 1, 73)];
    const port = await serve((socket) => {
      const bytes = Buffer.concat(sent);
      // In uneven writes.
      let from = 0;
      for (const cut of [3, 4_000, 150_000, bytes.length]) {
        socket.write(bytes.subarray(from, cut));
        from = cut;
      }
      socket.end();
    });
    const socket = framedSocket({ host: ['127.0.0.1'], port: [port] });
    const runs: Buffer[] = [];
    socket.on('data', (run: Buffer) => runs.push(Buffer.from(run)));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(sameMessages(runs.flatMap(messagesIn), sent)).toBe(true);
  });

  it('fails a connection that sends something other than messages', async () => {
    const port = await serve((socket) => socket.end(Buffer.from([0x44, 0, 0, 0, 1])));
    const socket = framedSocket({ host: ['127.0.0.1'], port: [port] });
    const failure = await new Promise<Error>((resolve) => socket.on('error', resolve));
    expect(failure.message).toMatch(/not a PostgreSQL message/);
  });

  it('tells a listener that takes the socket a moment late of a failure it missed', async () => {
    const port = await serve(() => {});
    const socket = framedSocket({ host: ['127.0.0.1'], port: [port] });
    socket.destroy(new Error('failed at once'));
    // The failure is emitted before anyone listens…
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.destroyed).toBe(true);
    // …and told again to the listeners that arrive after (the driver's, a moment later), with the close.
    const heard: string[] = [];
    socket.on('error', (error) => heard.push(`error: ${error.message}`));
    await new Promise<void>((resolve) =>
      socket.on('close', (hadError) => {
        heard.push(`close (had error: ${hadError})`);
        resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual(['error: failed at once', 'close (had error: true)']);
  });
});

describe('the COPY pool', () => {
  it('reads through framed sockets with one host and no TLS only', () => {
    const suits = (url: string) => {
      const pool = postgres(url, { max: 1 });
      void pool.end();
      return framingSuits(pool.options);
    };
    expect(suits('postgres://app@127.0.0.1:5432/db')).toBe(true);
    expect(suits('postgres://app@127.0.0.1:5432/db?sslmode=require')).toBe(false);
    expect(suits('postgres://app@10.0.0.1:5432,10.0.0.2:5432/db')).toBe(false);
  });

  it('fails its queries, rather than holding them, while PostgreSQL is unreachable', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const pool = copyPool(`postgres://app@127.0.0.1:${port}/db`, 2);
    try {
      // More queries than connections: a connection whose failure the driver never heard of would hold the rest.
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => pool.unsafe('select 1')));
      expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(5).fill('rejected'));
    } finally {
      await pool.end({ timeout: 0 });
    }
  }, 20_000);
});
