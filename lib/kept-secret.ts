import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * A secret generated on first use and kept in DATA_DIR (mode 600), for the embedded default and local development:
 * it survives restarts without any configuration. Production on PostgreSQL sets it in the environment instead
 * (lib/env.ts refuses to start without), since every instance must share it.
 */
export function keptSecret(fileName: string, bytes: number): string {
  const { DATA_DIR } = env();
  const file = path.join(DATA_DIR, fileName);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(bytes).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
