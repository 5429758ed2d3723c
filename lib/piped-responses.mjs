// Set on globalThis by scripts/server.mjs, the production server, where Next writes a route's streamed body to the
// socket and takes the next chunk only once `res.write` has returned true or 'drain' has followed
// (next/dist/server/pipe-readable.js). Either way less than the socket's high-water mark of what was written is still
// unsent — and since bytes leave in order, none of a chunk written before the last, if chunks are larger than that
// mark. Downloads count on it to free each chunk's memory early (db/file-storage.ts, `releaseSent`); Next must not
// keep a route's body (an ISR or prerendered download route would). Elsewhere — tests reading a Response whole,
// `next dev` — it is unset and nothing is freed early.
export const PIPED_RESPONSES_KEY = Symbol.for('council-desk.piped-responses');

/** Whether this process is the production server, whose responses Next pipes to their sockets. */
export function responsesArePiped() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[PIPED_RESPONSES_KEY] === true;
}
