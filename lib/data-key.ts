import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { keptSecret } from '@/lib/kept-secret';

// Field encryption for the most sensitive data the app holds (passport details for visa support): AES-256-GCM from
// Node's own crypto (OpenSSL), the key from DATA_ENCRYPTION_KEY — or, for the embedded default and local
// development, generated on first use and kept in DATA_DIR. A database dump alone does not reveal the data.

let cached: Buffer | undefined;

export function dataKey(): Buffer {
  if (cached) return cached;
  const { DATA_ENCRYPTION_KEY } = env();
  return (cached = Buffer.from(DATA_ENCRYPTION_KEY ?? keptSecret('data-encryption.key', 32), 'base64'));
}

const VERSION = 'v1';

/**
 * `context` is bound into the ciphertext (GCM additional data): a value copied onto another row does not decrypt
 * there.
 */
export function encryptJson(value: unknown, context: string, key = dataKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function decryptJson<T>(sealed: string, context: string, key = dataKey()): T {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error('Unknown encrypted value format');
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
}
