import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

/**
 * A pooled SMTP transport for SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for implicit TLS).
 *
 * The sockets are opened here so that Nagle's algorithm can be switched off: nodemailer leaves it on, and then the
 * last segment of every message waits for the server's delayed ACK (~40 ms), which caps a connection at ~22
 * messages a second. With TCP_NODELAY the same connection carries hundreds.
 */
export function createSmtpTransport(smtpUrl: string): Transporter<SMTPPool.SentMessageInfo> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port) || (secure ? 465 : 587);
  const options: SMTPPool.Options = {
    pool: true,
    maxConnections: 3,
    maxMessages: 500,
    host: url.hostname,
    port,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Handed over at once, still connecting: nodemailer then sees a refused or dropped connection through its own
    // handlers, which is how its pool learns to drop the connection and retry. (An error passed to this callback
    // instead leaves the pool waiting forever.)
    getSocket: (_options, callback) => {
      const socket = net.connect({ host: url.hostname, port });
      socket.setNoDelay(true);
      callback(null, { connection: socket });
    },
  };
  return nodemailer.createTransport(options);
}
