import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

// The embedded database served over PostgreSQL's wire protocol on loopback, for the browser tests alone: they read
// it to prove that a refused call changed nothing (e2e/db-snapshot.ts), which they cannot do by opening its folder
// (a second process on it loses data). Started only when E2E_PGLITE_SOCKET_PORT is set (playwright.config.ts).
//
// Written here rather than taken from @electric-sql/pglite-socket, which pins its peer to one PGlite release (0.5.14
// for 0.2.17) and to seven extension packages this app does not use. The protocol work is PGlite's own
// (execProtocolRawStream); this only frames messages and keeps them from interleaving with the app's queries.
//
// PGlite is one session shared with the app. So each client's messages up to a Sync (or a simple Query) run as one
// unit under both of PGlite's locks: never between the statements of an app transaction, and never with an app query
// between a Parse and its Execute. A client's Terminate closes its socket, never the app's session; a client that
// leaves a transaction open after its unit (BEGIN on its own) has it rolled back and is disconnected, since the app's
// next query would otherwise run inside it.

const SSL_REQUEST = 80_877_103;
const PROTOCOL_3 = 196_608;
const [SYNC, QUERY, FLUSH, TERMINATE, IDLE] = ['S', 'Q', 'H', 'X', 'I'].map((c) => c.charCodeAt(0));

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}
const ROLLBACK = simpleQuery('rollback');

export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

export async function serveOnLoopback(pg: PGlite, port: number): Promise<LoopbackServer> {
  await pg.waitReady;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setNoDelay(true);
    let pending = Buffer.alloc(0);
    let started = false;
    let unit: Uint8Array[] = [];
    let queue = Promise.resolve();
    const run = (messages: Uint8Array[], endsReady: boolean) => {
      queue = queue
        .then(() =>
          pg._runExclusiveTransaction(() =>
            pg._runExclusiveQuery(async () => {
              // A unit that ends in Sync or Query is answered last by ReadyForQuery, whose last byte is the status.
              let last = IDLE;
              for (const message of messages) {
                await pg.execProtocolRawStream(message, {
                  onRawData: (data) => {
                    if (data.length) last = data[data.length - 1]!;
                    if (socket.writable) socket.write(data);
                  },
                });
              }
              if (endsReady && last !== IDLE) {
                await pg.execProtocolRawStream(ROLLBACK, { onRawData: () => {} });
                socket.destroy();
              }
            }),
          ),
        )
        .catch(() => void socket.destroy());
    };
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          // Untyped start-up messages: an SSL request (answered "no"), then the start-up packet.
          if (pending.length < 8 || pending.length < pending.readInt32BE(0)) return;
          const length = pending.readInt32BE(0);
          const code = pending.readInt32BE(4);
          const message = new Uint8Array(pending.subarray(0, length));
          pending = pending.subarray(length);
          if (code === SSL_REQUEST) {
            socket.write('N');
            continue;
          }
          if (code !== PROTOCOL_3) return void socket.destroy();
          started = true;
          run([message], true);
          continue;
        }
        if (pending.length < 5 || pending.length < 1 + pending.readInt32BE(1)) return;
        const length = 1 + pending.readInt32BE(1);
        const type = pending[0];
        const message = new Uint8Array(pending.subarray(0, length));
        pending = pending.subarray(length);
        if (type === TERMINATE) return void socket.end();
        unit.push(message);
        if (type === SYNC || type === QUERY || type === FLUSH) {
          run(unit, type !== FLUSH);
          unit = [];
        }
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      // A script that opens the database under the same environment (a seed before the server starts) must still
      // exit when its work is done.
      server.unref();
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
