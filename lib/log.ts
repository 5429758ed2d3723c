import pino from 'pino';

// The server's one logger: JSON lines on stdout (pino), for an operator's log collector. Everything the server logs
// goes through it — console.* included, once routeConsoleToLogger() has run (instrumentation.ts, the worker) — and
// through its redaction layer, so no log line carries form values, personal data, tokens or links:
//  - fields: only the names in LOGGED_FIELDS are written; any other field's value is replaced by "[redacted]";
//  - errors: their type, code, stack frames and a scrubbed first part of the message (a database error's parameters
//    and details, which hold the row's values, are left out);
//  - text: links, tokens and long numbers are replaced, and an email address keeps only its domain.

/** Fields a log line may carry: what happened, never what was typed. */
const LOGGED_FIELDS = new Set([
  'requestId',
  'action',
  'outcome',
  'ms',
  'status',
  'method',
  'path',
  'reason',
  'code',
  'kind',
  'messageId',
  'workerId',
  'attempt',
  'final',
  'retryInSeconds',
  'domain',
  'count',
  'bytes',
  'limit',
  'purged',
  'resumedImports',
  'database',
  'where',
  'err',
]);

const REDACTED = '[redacted]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text with links, email addresses' local parts, tokens and long numbers (phones, passports) taken out. */
export function scrubText(text: string): string {
  // Ids (UUIDs) stay, so lines can be traced to rows; only the text between them is scrubbed.
  return text
    .split(/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '[link]')
            .replace(/[^\s"'<>@,;:()]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi, '…@$1')
            // Invitation and sign-in tokens are long runs of base64url.
            .replace(/[A-Za-z0-9_-]{20,}/g, '[token]')
            .replace(/\+?\d[\d ()-]{6,}\d/g, '[number]')
            .replace(/\0/g, '\\0'),
    )
    .join('');
}

/** A path as logged: segments that may be keys (invitation links) replaced. */
export function scrubPath(path: string): string {
  return path
    .split('?')[0]!
    .split('/')
    .map((segment) => (segment.length >= 16 && !UUID.test(segment) ? ':key' : scrubText(segment)))
    .join('/');
}

interface LoggedError {
  type: string;
  code?: string;
  message: string;
  stack?: string;
  cause?: LoggedError;
}

export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubText(String(error)).slice(0, 500) };
  // Drizzle puts the query's parameters (the row's values) after "params:"; PostgreSQL's `detail` and `where` hold
  // values too, and are never read here.
  const message = error.message.split(/\nparams:/)[0]!.slice(0, 1000);
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
  return {
    type: error.name,
    ...(typeof code === 'string' && code.length <= 40 ? { code } : {}),
    message: scrubText(message),
    ...(frames ? { stack: frames } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'err' || key === 'error') kept.err = serializeError(value);
    else if (!LOGGED_FIELDS.has(key)) kept[key] = REDACTED;
    else if (typeof value === 'string') kept[key] = key === 'path' ? scrubPath(value) : scrubText(value);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) kept[key] = value;
    else kept[key] = REDACTED;
  }
  return kept;
}

const holder = globalThis as typeof globalThis & { __councilDeskLogger?: pino.Logger };

function createLogger(): pino.Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL?.trim() || 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: redactFields },
      // redactFields has written the error already; pino's own serializer would turn it back into an object dump.
      serializers: { err: (error: unknown) => error },
      hooks: {
        // The message itself is scrubbed too: code may have put a value into it.
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    // Written synchronously by the process's own stdout, so a line logged just before a crash is not lost.
    { write: (line: string) => void process.stdout.write(line) },
  );
}

/** One logger per process (shared by the instrumentation bundle and the app's, like the database client). */
export const logger: pino.Logger = (holder.__councilDeskLogger ??= createLogger());

/** The domain of an email address, which is all a log line says of a recipient. */
export function recipientDomain(address: string): string {
  return address.split('@').at(-1)?.toLowerCase() || '?';
}

const CONSOLE_LEVELS = { error: 'error', warn: 'warn', info: 'info', log: 'info', debug: 'debug' } as const;

/**
 * Sends console.* through the logger, so what Next and libraries print (a failed render's error, say) is a JSON
 * line with the same redaction as the app's own lines.
 */
export function routeConsoleToLogger(): void {
  const marked = console as Console & { __councilDeskRouted?: boolean };
  if (marked.__councilDeskRouted) return;
  marked.__councilDeskRouted = true;
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      const text = args
        .filter((arg) => !(arg instanceof Error))
        .map((arg) => (typeof arg === 'string' ? arg : REDACTED))
        .join(' ')
        // Next colours its own lines.
        .replace(/\x1b\[[0-9;]*m/g, '')
        .trim();
      if (error) logger[level]({ err: error }, text || error.name);
      else logger[level](text);
    };
  }
}
