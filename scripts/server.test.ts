import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const server = path.join(import.meta.dirname, 'server.mjs');
const start = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [server, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });

// Settings are checked before Next loads: a wrong one stops the start at once with a message naming it.
describe('npm start (scripts/server.mjs) refuses bad settings', () => {
  it.each([
    [['--port', 'eighty'], {}, '--port (or PORT) takes a port number from 1 to 65535, not "eighty"'],
    [['--port', '70000'], {}, '--port (or PORT) takes a port number from 1 to 65535, not "70000"'],
    [['--port', '0'], {}, '--port (or PORT) takes a port number from 1 to 65535, not "0"'],
    [[], { PORT: '0x50' }, '--port (or PORT) takes a port number from 1 to 65535, not "0x50"'],
    [[], { PORT: '-1' }, '--port (or PORT) takes a port number from 1 to 65535, not "-1"'],
    [['--keepAliveTimeout', '5000'], {}, "Unknown option '--keepAliveTimeout'"],
    [['somewhere'], {}, 'Unexpected argument'],
    [[], { TRUST_PROXY: 'true' }, 'TRUST_PROXY: must be the number of proxies in front of the app'],
    [
      [],
      { NEWS_FRONT_CACHE_SECONDS: 'soon' },
      'NEWS_FRONT_CACHE_SECONDS: must be a whole number of seconds from 0 to 60, not "soon"',
    ],
    [
      [],
      { NEWS_FRONT_CACHE_SECONDS: '61' },
      'NEWS_FRONT_CACHE_SECONDS: must be a whole number of seconds from 0 to 60, not "61"',
    ],
    [
      [],
      { NEWS_FRONT_CACHE_SECONDS: '1.5' },
      'NEWS_FRONT_CACHE_SECONDS: must be a whole number of seconds from 0 to 60, not "1.5"',
    ],
  ])('%j %j', (args, env, message) => {
    const result = start(args, env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
