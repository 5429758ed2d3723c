import { once } from 'node:events';
import http from 'node:http';
import postgres from 'postgres';
import { binaryCopyField, chunkCopyStatement, copyOutOn, copyPool } from '@/db/binary-copy';

// The documents bench's second reference (scripts/bench/documents-bench.ts): one stored file served by a bare
// node:http server that reads its chunks exactly as the app does on PostgreSQL (db/binary-copy.ts, its COPY pool, one
// chunk read ahead) — what HTTP itself costs on this machine, without Next, routing, authorisation or web streams.
//   node --import tsx scripts/bench/bare-download-server.ts <database url> <stored file id> <port>

const [databaseUrl, fileId, port] = process.argv.slice(2);
if (!databaseUrl || !fileId || !port) throw new Error('usage: bare-download-server <database url> <file id> <port>');
const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });
const copyOut = copyOutOn(copyPool(databaseUrl));
const [file] = await sql<{ byteSize: number; chunkSize: number }[]>`
  select byte_size as "byteSize", chunk_size as "chunkSize" from stored_files where id = ${fileId}`;
if (!file) throw new Error(`no stored file ${fileId}`);
const chunks = Math.ceil(file.byteSize / file.chunkSize);
const readChunk = async (seq: number) =>
  binaryCopyField(await copyOut(chunkCopyStatement(fileId, seq, 0, file.chunkSize)))!;

http
  .createServer(async (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': String(file.byteSize) });
    let next = readChunk(0);
    for (let seq = 0; seq < chunks; seq++) {
      const chunk = await next;
      if (seq + 1 < chunks) next = readChunk(seq + 1);
      if (!response.write(chunk)) await once(response, 'drain');
    }
    response.end();
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
