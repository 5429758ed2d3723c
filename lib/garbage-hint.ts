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
 * Downloads: a collection each 8 MB of one, none within 100 ms of the last, and none while more than two run (a 50 MB
 * download grew the server by 5–8 MB so, and 13–37 MB with 250 ms or none).
 */
export const DOWNLOAD_HINTS = { step: 8 * 1024 * 1024, minIntervalMs: 100, mostRunning: 2 };

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
/** When each hinted stream last passed bytes: which are running now (a stream cut off just stops appearing). */
const lastSeen = new Map<object, number>();
const RUNNING_WITHIN_MS = 1000;

/**
 * Counts one stream's bytes as they pass, asking for a collection each time another `step` has gone by; with
 * `minIntervalMs`, not within that long of the last one; with `mostRunning`, only while at most that many hinted
 * streams are running. For downloads: one collection frees the garbage of every stream at once, and with twenty
 * running the pauses cost more throughput than the memory they save is worth; V8's own schedule bounds it then (in
 * `npm run bench -- --only documents` it collects several times a second).
 */
export function garbageHinter({
  step = COLLECT_EVERY_BYTES,
  minIntervalMs = 0,
  mostRunning = Infinity,
  collect = () => collector()?.(),
}: { step?: number; minIntervalMs?: number; mostRunning?: number; collect?: () => void } = {}): (
  bytes: number,
) => void {
  const self = {};
  let sinceLast = 0;
  return (bytes) => {
    const now = performance.now();
    if (mostRunning !== Infinity) lastSeen.set(self, now);
    sinceLast += bytes;
    if (sinceLast < step) return;
    sinceLast = 0;
    if (now - lastCollection < minIntervalMs) return;
    if (mostRunning !== Infinity) {
      for (const [stream, seen] of lastSeen) if (now - seen > RUNNING_WITHIN_MS) lastSeen.delete(stream);
      if (lastSeen.size > mostRunning) return;
    }
    collect();
    lastCollection = performance.now();
  };
}
