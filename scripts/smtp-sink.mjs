// A local SMTP server for tests and development: accepts every message on 127.0.0.1 and writes each one, raw, to
// SINK_DIR as <time>-<n>.eml. Usage: SMTP_SINK_PORT=2525 SINK_DIR=/tmp/mail node scripts/smtp-sink.mjs
// SIGUSR1 switches it to refusing (421 to every new connection and message, as a mail server that is down) and
// back, for outage tests: a message it refuses is not stored, so it must be sent again.
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.SMTP_SINK_PORT ?? 2525);
const dir = path.resolve(process.env.SINK_DIR ?? 'data/mail-sink');
// A test run starts from an empty mailbox.
if (process.env.SINK_FRESH === '1') fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
let n = 0;
let refusing = false;
const unavailable = () => Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
process.on('SIGUSR1', () => {
  refusing = !refusing;
  console.log(`[smtp-sink] ${refusing ? 'refusing' : 'accepting'}`);
});

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onConnect(_session, callback) {
    callback(refusing ? unavailable() : undefined);
  },
  onMailFrom(_address, _session, callback) {
    callback(refusing ? unavailable() : undefined);
  },
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const file = path.join(dir, `${Date.now()}-${process.pid}-${String(++n).padStart(6, '0')}.eml`);
      // On disk, whole (written aside, then renamed), before the 250 reply goes out: a message the sender saw
      // accepted is always there, and a reader never sees half of one.
      fs.writeFileSync(`${file}.part`, Buffer.concat(chunks));
      fs.renameSync(`${file}.part`, file);
      callback();
    });
  },
});
// A client that vanishes mid-session (a killed worker) is the client's problem, not the sink's.
server.on('error', (error) => console.error(`[smtp-sink] ${error.message}`));
server.listen(port, '127.0.0.1', () => console.log(`[smtp-sink] listening on 127.0.0.1:${port}, writing to ${dir}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close(() => process.exit(0)));
