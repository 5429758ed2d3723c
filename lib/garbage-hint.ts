import 'server-only';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';

// Streaming a large file keeps only a chunk or two alive at a time, but every chunk that has gone by (and the
// copies Next, the database driver and the S3 client make of it) is garbage that V8 frees only at a collection,
// which it starts for buffers only once about 64 MB more of them have been allocated: a 50 MB upload grew the
// server by 56–73 MB. A long stream therefore asks for a full collection each COLLECT_EVERY_BYTES (about 25 ms
// each on this app's heap, a dozen for a 50 MB upload), which kept that growth at 2–9 MB (issue 22's bound: half the
// file). Short streams, and every other request, never pay for it.

export const COLLECT_EVERY_BYTES = 4 * 1024 * 1024;
/**
 * Downloads: a collection each 8 MB of one, and none within 100 ms of the last (a 50 MB download grew the server by
 * 5–8 MB so, and 13–37 MB with 250 ms or none).
 */
export const DOWNLOAD_HINTS = { step: 8 * 1024 * 1024, minIntervalMs: 100 };

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      // Node's way to reach V8's collector in a process not started with --expose-gc: the flag, then a new context.
      v8.setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

let lastCollection = 0;

/**
 * Counts one stream's bytes as they pass, asking for a collection each time another `step` has gone by; with
 * `minIntervalMs`, not within that long of the last one (for downloads, where twenty at once would otherwise spend
 * their time collecting each other's garbage).
 */
export function garbageHinter({
  step = COLLECT_EVERY_BYTES,
  minIntervalMs = 0,
  collect = () => collector()?.(),
}: { step?: number; minIntervalMs?: number; collect?: () => void } = {}): (bytes: number) => void {
  let sinceLast = 0;
  return (bytes) => {
    sinceLast += bytes;
    if (sinceLast < step) return;
    sinceLast = 0;
    const now = performance.now();
    if (now - lastCollection < minIntervalMs) return;
    collect();
    lastCollection = performance.now();
  };
}

/** `stream`, passed through unchanged, with a collection asked for each COLLECT_EVERY_BYTES. */
export function withGarbageHints(
  stream: ReadableStream<Uint8Array>,
  options: Parameters<typeof garbageHinter>[0] = {},
): ReadableStream<Uint8Array> {
  const passed = garbageHinter(options);
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        passed(chunk.byteLength);
      },
    }),
  );
}
