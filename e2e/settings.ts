import os from 'node:os';
import path from 'node:path';

// Shared by playwright.config.ts and the tests. Paths hang off the port so two checkouts never share them.
const port = Number(process.env.E2E_PORT ?? 3210);
const scratch = path.join(os.tmpdir(), `council-desk-e2e-${port}-files`);

export const e2eSettings = {
  port,
  smtpPort: port + 1,
  // Where the server serves its embedded database for e2e/db-snapshot.ts (unused on PostgreSQL).
  pgliteSocketPort: port + 2,
  // e2e/trusted-proxy.spec.ts: a second production server with TRUST_PROXY=1, and the proxy in front of it.
  trustedAppPort: port + 3,
  trustedProxyPort: port + 4,
  sinkDir: path.join(scratch, 'mail'),
  serverLog: path.join(scratch, 'server.log'),
  adminEmail: 'first.admin@council.test',
  adminState: path.join(scratch, 'admin-state.json'),
  // The server's key: the authorisation matrix derives the seeded delegations' links with it (db/delegations.ts
  // delegationLink), as a focal point would receive them.
  authSecret: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
};
