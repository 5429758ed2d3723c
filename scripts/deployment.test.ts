import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnv } from '@/lib/env';

// The deployment files follow what the multi-instance test proves (e2e/multi-instance.spec.ts): checked here without
// a container engine, which CI does not have.
const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
};
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const { services } = compose;
const appServices = Object.entries(services).filter(([, s]) => s.command?.includes('scripts/server.mjs'));

// What an operator's .env would hold: valid values for every ${VARIABLE:?…} the file requires.
const operatorSettings: Record<string, string> = {
  POSTGRES_PASSWORD: 'compose-test-password',
  AUTH_SECRET: 'compose-test-secret-0123456789abcdefghijklmnop',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  AUTH_URL: 'https://council.example.org',
  SMTP_URL: 'smtps://user:password@mail.example.org:465',
  MAIL_FROM: 'UNRCCA <no-reply@unrcca.example.org>',
};
/** Compose's interpolation of ${NAME}, ${NAME:?message} and ${NAME:-default}, from `settings`. */
const interpolate = (value: string, settings: Record<string, string>) =>
  value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (settings[name] !== undefined) return settings[name]!;
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required: ${rest}`);
  });
const without = (settings: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(settings).filter(([key]) => key !== name));
const environmentOf = (service: Service, settings = operatorSettings) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), settings)]));

describe('compose.yaml', () => {
  it('runs PostgreSQL, two app instances, a worker and the reverse proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['app1', 'app2', 'postgres', 'proxy', 'worker']);
    expect(appServices.map(([name]) => name)).toEqual(['app1', 'app2']);
    expect(services.postgres!.image).toMatch(/^postgres:15\b/);
    expect(services.proxy!.image).toMatch(/^nginx:/);
  });

  it('starts the production server and the worker as package.json does', () => {
    expect(packageJson.scripts.start).toBe('node scripts/server.mjs');
    for (const [, app] of appServices) expect(app.command!.join(' ')).toBe(packageJson.scripts.start);
    expect(services.worker!.command!.join(' ')).toBe(packageJson.scripts.worker);
    for (const name of ['app1', 'app2', 'worker']) expect(services[name]!.build).toBe('.');
  });

  it('checks health on /api/health and starts each part after what it needs', () => {
    for (const [, app] of appServices) {
      expect(app.healthcheck!.test!.join(' ')).toContain('http://localhost:3000/api/health');
      expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    }
    expect(services.worker!.healthcheck).toEqual({ disable: true });
    expect(services.worker!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.postgres!.healthcheck!.test).toContain('pg_isready');
    expect(services.proxy!.healthcheck!.test!.join(' ')).toContain('/api/health');
    expect(services.proxy!.depends_on).toEqual({
      app1: { condition: 'service_healthy' },
      app2: { condition: 'service_healthy' },
    });
  });

  it("gives every app process the settings production requires, valid by the app's own schema", () => {
    for (const name of ['app1', 'app2', 'worker']) {
      const environment = environmentOf(services[name]!);
      expect(() => parseEnv(environment), name).not.toThrow();
      expect(environment.NODE_ENV).toBe('production');
      expect(environment.TRUST_PROXY).toBe('1');
      const database = new URL(environment.DATABASE_URL!);
      expect(database.hostname).toBe('postgres');
      expect(database.pathname).toBe(`/${services.postgres!.environment!.POSTGRES_DB}`);
      expect(decodeURIComponent(database.password)).toBe(operatorSettings.POSTGRES_PASSWORD);
      // Each one the app needs in production: without it, the schema refuses to start.
      for (const variable of ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'AUTH_URL', 'MAIL_FROM']) {
        expect(() => parseEnv(without(environment, variable)), `${name} without ${variable}`).toThrow(variable);
      }
    }
    // No default stands in for a secret or an address: compose itself stops when one is not set.
    for (const variable of Object.keys(operatorSettings)) {
      expect(() => environmentOf(services.app1!, without(operatorSettings, variable)), variable).toThrow(
        `${variable} is required`,
      );
    }
  });

  it('puts nginx in front with the one config file, proxying to both instances', () => {
    expect(services.proxy!.volumes).toEqual(['./nginx.conf:/etc/nginx/conf.d/default.conf:ro']);
    const nginx = read('nginx.conf');
    const upstream = [...nginx.matchAll(/^\s*server (\S+?):(\d+)\b/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstream).toEqual(appServices.map(([name]) => `${name}:3000`));
    for (const header of [
      'proxy_set_header Host $http_host;',
      'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      'proxy_set_header X-Forwarded-Proto $scheme;',
    ]) {
      expect(nginx).toContain(header);
    }
  });

  it.runIf(spawnSync('docker', ['compose', 'version']).status === 0)('is accepted by `docker compose config`', () => {
    const result = spawnSync('docker', ['compose', '-f', 'compose.yaml', 'config', '--quiet'], {
      cwd: root,
      env: { ...process.env, ...operatorSettings },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

  it('builds in stages and runs the production server as an unprivileged user, with a health check', () => {
    expect(lines.filter((l) => l.startsWith('FROM ')).length).toBeGreaterThanOrEqual(2);
    const runtime = lines.slice(lines.findLastIndex((l) => l.startsWith('FROM ')));
    const user = runtime.find((l) => l.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime.find((l) => l.startsWith('CMD '))).toBe('CMD ["node", "scripts/server.mjs"]');
    expect(runtime.some((l) => l.startsWith('ENV ') && l.includes('NODE_ENV=production'))).toBe(true);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/health/);
    expect(dockerfile).toContain('RUN npm run build');
  });

  it('leaves local data, secrets and build output out of the image', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.next', 'data', '.env', '.env.*']) expect(ignored).toContain(entry);
  });
});
