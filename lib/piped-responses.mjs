// Set on globalThis by scripts/server.mjs, the production server, where Next writes a route's streamed body to the
// socket a chunk at a time and takes the next only once that one is written (next/dist/server/pipe-readable.js).
// Downloads count on it to free each chunk's memory early (db/file-storage.ts, `releaseSent`). Elsewhere — tests
// reading a Response whole, `next dev` — it is unset and nothing is freed early.
export const PIPED_RESPONSES_KEY = Symbol.for('council-desk.piped-responses');

/** Whether this process is the production server, whose responses Next pipes to their sockets. */
export function responsesArePiped() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[PIPED_RESPONSES_KEY] === true;
}
