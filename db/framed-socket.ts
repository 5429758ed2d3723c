import net from 'node:net';

// The COPY pool's connections (db/binary-copy.ts): sockets that read PostgreSQL's messages straight into buffers of
// their own size and hand the driver whole messages only.
//
// Why: a download allocates buffers as fast as it sends, and V8 starts a full collection whenever some 64 MB more
// of them survive its young collections — several times a second with twenty downloads, each costing the app's
// 58 MB heap a full marking. postgres.js joins a message that spans several reads (Buffer.concat), so every stored
// chunk cost its bytes twice; read here into one buffer that holds that message alone, the chunk can also be given
// back as soon as the client has it (releaseMessageBuffer, used by db/file-storage.ts) rather than at the next full
// collection. Twenty downloads of a 20 MB file: a tenth of the full collections (npm run bench -- --only documents).

// A message: a type byte, then a 32-bit length counting itself and the body.
const HEADER = 5;
/** What one read asks for when no large message is under way (libuv's own suggestion). */
const READ_SIZE = 64 * 1024;
/** Whole messages shorter than this are copied out, so the read buffer can be used again. */
const COPY_OUT_BELOW = 4 * 1024;
/** PostgreSQL sends no larger message (a field holds at most 1 GB). */
const LARGEST_MESSAGE = 1024 ** 3 + 1024;

// The buffers that hold one large message each, from the framers of every copy of this module (the app's bundles
// may hold several): once the driver has handed the message on, nothing but its reader refers to them.
const OWN_BUFFERS_KEY = Symbol.for('council-desk.framed-socket.own-buffers');
const ownBuffers = ((globalThis as { [OWN_BUFFERS_KEY]?: WeakSet<ArrayBufferLike> })[OWN_BUFFERS_KEY] ??=
  new WeakSet<ArrayBufferLike>());

/**
 * Frees the memory behind `bytes` at once if it is a framer's buffer for one large message (else does nothing): for
 * a reader that has passed the bytes on and is sure nothing else holds them. Any view of that memory is empty after.
 */
export function releaseMessageBuffer(bytes: Uint8Array): boolean {
  const memory = bytes.buffer;
  if (!ownBuffers.has(memory)) return false;
  ownBuffers.delete(memory);
  // Transferring an ArrayBuffer detaches it; the clone that receives the memory is garbage at once and goes with
  // the next young collection, where the original, promoted long ago, waited for a full one.
  structuredClone(memory, { transfer: [memory as ArrayBuffer] });
  return true;
}

/**
 * Cuts a byte stream into runs of whole messages. Reads go into `space()`; `received(n)` says how many arrived and
 * returns the whole messages they complete (as one buffer, never written to again) or null. A message longer than a
 * read gets a buffer of exactly its size, so its bytes are read once, into the place they are handed on from.
 */
export class MessageFramer {
  private buffer: Buffer = Buffer.allocUnsafe(READ_SIZE);
  private filled = 0;

  space(): Buffer {
    return this.buffer.subarray(this.filled);
  }

  received(count: number): Buffer | null {
    if (count <= 0 || this.filled + count > this.buffer.length) throw new Error(`cannot take ${count} bytes`);
    this.filled += count;
    let end = 0;
    let partialSize = 0;
    while (this.filled - end >= HEADER) {
      const size = 1 + this.buffer.readUInt32BE(end + 1);
      if (size < HEADER || size > LARGEST_MESSAGE) throw new Error(`not a PostgreSQL message (length ${size - 1})`);
      if (this.filled - end < size) {
        partialSize = size;
        break;
      }
      end += size;
    }
    const needed = Math.max(partialSize, READ_SIZE);
    if (end === 0) {
      if (this.buffer.length < needed) this.moveTo(this.allocate(needed), 0);
      return null;
    }
    if (end < COPY_OUT_BELOW) {
      const whole = Buffer.from(this.buffer.subarray(0, end));
      if (this.buffer.length >= needed) {
        this.buffer.copyWithin(0, end, this.filled);
        this.filled -= end;
      } else this.moveTo(this.allocate(needed), end);
      return whole;
    }
    const whole = this.buffer.subarray(0, end);
    this.moveTo(this.allocate(needed), end);
    return whole;
  }

  /** A new buffer; one longer than a read is for a single message that starts at its start and fills it. */
  private allocate(size: number): Buffer {
    const buffer = Buffer.allocUnsafe(size);
    if (size > READ_SIZE) ownBuffers.add(buffer.buffer);
    return buffer;
  }

  /** Carries the bytes from `from` on (a message begun) over to `next`. */
  private moveTo(next: Buffer, from: number) {
    this.buffer.copy(next, 0, from, this.filled);
    this.filled -= from;
    this.buffer = next;
  }
}

/** What postgres.js passes its `socket` option (its parsed options). */
type DriverOptions = { host: string[]; port: number[]; path?: string | false; ssl?: unknown };

/** Whether a pool with these options can read through framed sockets: one host, no TLS (which would go over it). */
export const framingSuits = (options: DriverOptions) => options.host.length === 1 && !options.ssl;

/**
 * postgres.js's `socket` option for the COPY pool (only where `framingSuits`): a socket, connecting, whose 'data'
 * events carry whole messages. Handed over at once, as the driver's own would be, so its listeners and connect
 * timeout see every failure.
 */
export function framedSocket(options: DriverOptions): net.Socket {
  const framer = new MessageFramer();
  const [host, port] = [options.host[0]!, options.port[0]!];
  const socket: net.Socket = net.connect({
    ...(options.path ? { path: options.path } : { host, port }),
    onread: {
      buffer: () => framer.space(),
      callback: (count: number) => {
        let whole: Buffer | null;
        try {
          whole = framer.received(count);
        } catch (error) {
          socket.destroy(error instanceof Error ? error : new Error(String(error)));
          return false;
        }
        if (whole) socket.emit('data', whole);
        return true;
      },
    },
  });
  // Where the driver's own socket says where it goes (its errors name it).
  Object.assign(socket, { host, port });
  // A connect that fails at once reports it before the driver, which takes the socket a moment later, listens:
  // keep what it missed and tell it then.
  let missed: { error?: Error; closed?: boolean } | null = {};
  const early = (event: 'error' | 'close') => socket.listenerCount(event) === 1 && missed !== null;
  const onError = (error: Error) => early('error') && (missed!.error = error);
  const onClose = () => early('close') && (missed!.closed = true);
  socket.on('error', onError).once('close', onClose);
  setImmediate(() => {
    const { error, closed } = missed!;
    missed = null;
    socket.off('error', onError).off('close', onClose);
    // (Nobody listening now would mean nobody took the socket: an 'error' without a listener would throw.)
    if (error && socket.listenerCount('error') > 0) socket.emit('error', error);
    if (closed) socket.emit('close', Boolean(error));
  });
  return socket;
}
