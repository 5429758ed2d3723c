import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy } from './trust-proxy.mjs';

// An empty variable (`FOO=` in a .env file) means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: optional(
      z.url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/dbname',
      }),
    ),
    DATA_DIR: optional(z.string()).transform((dir) => path.resolve(/*turbopackIgnore: true*/ dir ?? 'data')),
    AUTH_SECRET: optional(
      z.string().min(32, 'must be at least 32 characters; generate one with `openssl rand -base64 33`'),
    ),
    // 32 random bytes, base64: encrypts visa-support data (lib/data-key.ts).
    DATA_ENCRYPTION_KEY: optional(
      z
        .string()
        .refine(
          (v) => Buffer.from(v, 'base64').length === 32,
          'must be 32 random bytes in base64; generate one with `openssl rand -base64 32`',
        ),
    ),
    AUTH_URL: optional(
      z.url({ protocol: /^https?$/, error: 'must be the public address of the app, e.g. https://council.example.org' }),
    ),
    AUTH_TRUST_HOST: optional(z.enum(['true', 'false'], 'must be true or false')),
    // How many proxies of ours stand in front of the app: decides the client's address and which forwarded headers
    // are believed (lib/trust-proxy.mjs). Off (0) by default.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseTrustProxy(value);
        if ('hops' in parsed) return parsed.hops;
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }),
    PORT: optional(z.coerce.number().int().min(1).max(65535)),
    SMTP_URL: optional(
      z.url({
        protocol: /^smtps?$/,
        error: 'must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://…:465',
      }),
    ),
    MAIL_FROM: z
      .preprocess(
        (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
        z
          .string()
          .regex(/^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
            error: 'must be an address, optionally with a name: "Council Desk <no-reply@council.example.org>"',
          })
          .optional(),
      )
      .default('Council Desk <no-reply@council-desk.invalid>'),
    OUTBOX_WORKER: optional(z.enum(['on', 'off'], 'must be on or off')).default('on'),
    OUTBOX_LEASE_SECONDS: optional(z.coerce.number().int().min(5).max(3600)).default(60),
    OUTBOX_MAX_ATTEMPTS: optional(z.coerce.number().int().min(1).max(50)).default(8),
    OUTBOX_RETRY_SECONDS: optional(z.coerce.number().int().min(1).max(3600)).default(10),
    // S3-compatible object storage for uploaded files (documents, summary photos). Unset: files are kept in the
    // database, in chunks. Set S3_BUCKET to use it, and S3_ENDPOINT for a store other than AWS.
    S3_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')),
    S3_REGION: optional(z.string()).default('us-east-1'),
    S3_ENDPOINT: optional(
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://s3.example.org' }),
    ),
    S3_ACCESS_KEY_ID: optional(z.string()),
    S3_SECRET_ACCESS_KEY: optional(z.string()),
    // Most stores other than AWS (MinIO, Ceph, local test servers) address buckets by path, not by host name.
    S3_FORCE_PATH_STYLE: optional(z.enum(['true', 'false'], 'must be true or false')).default('false'),
    // Sign-in through the organisation's identity provider (OpenID Connect: Microsoft Entra ID, Keycloak, …), next to
    // the email link. Set the issuer, client id and secret together; services/auth/oidc.ts.
    OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: 'must be the issuer URL of the identity provider' })),
    OIDC_CLIENT_ID: optional(z.string()),
    OIDC_CLIENT_SECRET: optional(z.string()),
    // The button's words: "Sign in with <name>".
    OIDC_NAME: optional(z.string().max(60)).default('your organisation account'),
    // Comma-separated, e.g. "unrcca.org, un.org": only these may sign in, and new accounts (viewers) are made only here.
    OIDC_ALLOWED_DOMAINS: optional(z.string())
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
          .filter(Boolean),
      )
      .pipe(
        z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be domains such as un.org, separated by commas')),
      ),
    // Microsoft Entra ID: the tenant whose accounts may sign in (the token's `tid`).
    OIDC_TENANT_ID: optional(z.string()),
    // The browser tests' window into the embedded database (db/embedded-socket.ts); never set in production.
    E2E_PGLITE_SOCKET_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  })
  .superRefine((env, ctx) => {
    // Several production instances on one database must share one secret, so it cannot be generated locally.
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message:
          'is required in production (it signs sign-in links and sessions; every instance needs the same one). ' +
          'Generate one with `openssl rand -base64 33`',
      });
    }
    // Data encrypted by one instance must be readable by the others.
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_ENCRYPTION_KEY'],
        message:
          'is required in production (it encrypts visa-support data; every instance needs the same one, and losing it ' +
          'makes that data unreadable). Generate one with `openssl rand -base64 32`',
      });
    }
    if (env.S3_BUCKET && !env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message: "must be set together with the other S3 key (or neither, to use the machine's own AWS credentials)",
      });
    }
    // Real mail from the placeholder sender bounces or lands in spam, and nobody can answer it.
    if (env.NODE_ENV === 'production' && env.SMTP_URL && /\.invalid>?$/i.test(env.MAIL_FROM.trim())) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message:
          `is still the placeholder ${env.MAIL_FROM}, which no mail server accepts: with SMTP_URL set in production, ` +
          'set MAIL_FROM to an address of your own domain, e.g. "UNRCCA <no-reply@unrcca.example.org>"',
      });
    }
    if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.OIDC_CLIENT_ID ? 'OIDC_CLIENT_SECRET' : 'OIDC_CLIENT_ID'],
        message: 'is required with OIDC_ISSUER (from the app registration at the identity provider)',
      });
    }
    if (!env.OIDC_ISSUER && (env.OIDC_CLIENT_ID || env.OIDC_TENANT_ID || env.OIDC_ALLOWED_DOMAINS.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'is required when any other OIDC_ setting is set',
      });
    }
    // Sign-in links are built from this address: taking it from the request's Host header would let anyone make
    // the app mail links to their own server.
    if (env.NODE_ENV === 'production' && !env.AUTH_URL && env.AUTH_TRUST_HOST !== 'true') {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_URL'],
        message:
          'is required in production: the public address of the app, e.g. https://council.example.org ' +
          '(or AUTH_TRUST_HOST=true behind a proxy that sets the Host header itself)',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n') +
        '\nSee .env.example for every variable and its meaning.',
    );
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Where links in emails and in the terminal point: AUTH_URL, or this machine in development. */
export function appBaseUrl(): string {
  const { AUTH_URL, PORT } = env();
  return (AUTH_URL ?? `http://localhost:${PORT ?? 3000}`).replace(/\/+$/, '');
}

/** The address part of MAIL_FROM, for Message-IDs. */
export function mailDomain(): string {
  return env().MAIL_FROM.match(/@([^>\s]+)>?$/)?.[1] ?? 'council-desk.invalid';
}

/** The bare address of MAIL_FROM: where delegates are told to write. */
export function mailFromAddress(): string {
  const from = env().MAIL_FROM;
  return from.match(/<([^>]+)>/)?.[1] ?? from.trim();
}
