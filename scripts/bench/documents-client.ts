import http from 'node:http';
import postgres from 'postgres';
import { binaryCopyField, chunkCopyStatement, copyOutOn, copyPool } from '@/db/binary-copy';

// One measurement of the documents bench (scripts/bench/documents-bench.ts), in a process of its own: `clients`
// workers for `seconds`, each downloading the file over HTTP or reading its chunks in a bare loop, then one line of
// JSON, `{ "bytesPerSecond": n }`. Each measurement is made the same way from a process that holds nothing else: the
// bench's own process (its pools, migrations and a copy of the file) had spent a quarter of the measured server's
// throughput on its own collections, the cores being shared.
//   node --import tsx scripts/bench/documents-client.ts <seconds> <clients> <bytes> http <url>
//   node --import tsx scripts/bench/documents-client.ts <seconds> <clients> <bytes> bytea|base64|copy \
//     <database url> <stored file id> <chunk size>

const [seconds, clients, fileBytes, kind, ...rest] = process.argv.slice(2);
const expected = Number(fileBytes);

/** One whole download, through node:http (less work for the measuring process than fetch). */
function download(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return reject(new Error(`${url} answered ${response.statusCode}`));
        }
        let length = 0;
        response.on('data', (piece: Buffer) => (length += piece.length));
        response.on('end', () =>
          length === expected ? resolve(length) : reject(new Error(`${url} sent ${length} bytes, not ${expected}`)),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Every chunk in order, one query each, as a download reads them. */
function chunkLoop(kind: string, databaseUrl: string, fileId: string, chunkSize: number) {
  const sql = postgres(databaseUrl, { max: Number(clients), onnotice: () => {} });
  const copyClient = copyPool(databaseUrl, Number(clients));
  const copyOut = copyOutOn(copyClient);
  const chunks = Math.ceil(expected / chunkSize);
  const readers: Record<string, (seq: number) => Promise<number>> = {
    // As a plain query gives it: bytea, which the driver receives as hex.
    bytea: async (seq) => {
      const [row] = await sql<{ data: Buffer }[]>`
        select data from stored_file_chunks where file_id = ${fileId} and seq = ${seq}`;
      return row!.data.length;
    },
    // As base64 text, decoded (what the app does on the embedded database).
    base64: async (seq) => {
      const [row] = await sql<{ data: string }[]>`
        select encode(substring(data from 1 for ${chunkSize}), 'base64') as data from stored_file_chunks
        where file_id = ${fileId} and seq = ${seq}`;
      return Buffer.from(row!.data, 'base64').length;
    },
    // As db/file-storage.ts readChunk does on PostgreSQL, with the same functions.
    copy: async (seq) => binaryCopyField(await copyOut(chunkCopyStatement(fileId, seq, 0, chunkSize)))!.length,
  };
  const readChunk = readers[kind];
  if (!readChunk) throw new Error(`no loop "${kind}"`);
  return {
    client: async () => {
      let length = 0;
      for (let seq = 0; seq < chunks; seq++) length += await readChunk(seq);
      return length;
    },
    close: () => Promise.all([sql.end(), copyClient.end()]),
  };
}

const { client, close } =
  kind === 'http'
    ? { client: () => download(rest[0]!), close: async () => {} }
    : chunkLoop(kind!, rest[0]!, rest[1]!, Number(rest[2]));
// Once first: connections opened, code warmed.
await client();
const until = Date.now() + Number(seconds) * 1000;
const started = performance.now();
let bytes = 0;
await Promise.all(
  Array.from({ length: Number(clients) }, async () => {
    while (Date.now() < until) {
      // Not `bytes += await client()`: that reads `bytes` before the wait, and the workers overwrite each other.
      const moved = await client();
      bytes += moved;
    }
  }),
);
console.log(JSON.stringify({ bytesPerSecond: bytes / ((performance.now() - started) / 1000) }));
await close();
