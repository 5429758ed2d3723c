import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type LoopbackServer } from '../db/embedded-socket';
import { freePort } from '../scripts/test-support';
import { databaseChanges } from './checks';
import { databaseSnapshotter, type DatabaseSnapshotter } from './db-snapshot';

// The "database unchanged" check of the authorisation matrix, on the embedded database as `npm test` runs it: the
// server's PGlite served on loopback, fingerprinted from outside, while the server's own queries go on. A write made
// in the server (as a refused call that wrongly wrote would make it) must show; no fingerprint must mean failure.

let pg: PGlite;
let served: LoopbackServer;
let db: DatabaseSnapshotter;

beforeAll(async () => {
  pg = new PGlite();
  await pg.exec(`
    create table contacts (id serial primary key, name text not null);
    create table sessions (token text primary key, expires timestamptz not null);
    insert into contacts (name) values ('Aidana Jumaeva'), ('Ержан Ахметов');`);
  served = await serveOnLoopback(pg, 0);
  db = databaseSnapshotter({ embeddedPort: served.port });
});

afterAll(async () => {
  await db?.close();
  await served?.close();
  await pg?.close();
});

describe('the database-unchanged check on the embedded database', () => {
  it('sees nothing when nothing is written, however often it looks', async () => {
    const before = await db.snapshot();
    expect(Object.keys(before)).toEqual(['contacts', 'sessions']);
    expect(databaseChanges(before, await db.snapshot())).toEqual([]);
  });

  it('fails on a write made by the server, even one that keeps the row count', async () => {
    const before = await db.snapshot();
    await pg.query(`update contacts set name = 'Aidana Jumaeva (changed)' where name = 'Aidana Jumaeva'`);
    expect(databaseChanges(before, await db.snapshot())).toEqual(['contacts']);

    const again = await db.snapshot();
    await pg.query(`insert into sessions values ('t', now())`);
    await pg.query(`create table extra (id int)`);
    expect(databaseChanges(again, await db.snapshot())).toEqual(['extra', 'sessions']);
  });

  it('never reads inside the server’s open transaction, nor breaks its queries', async () => {
    const before = await db.snapshot();
    let snapshotTaken = false;
    const { during } = await pg.transaction(async (tx) => {
      await tx.query(`insert into contacts (name) values ('Farrukh Rakhimov')`);
      // Asked for now, the fingerprint must wait for the commit rather than see half a transaction.
      const during = db.snapshot().then((s) => ((snapshotTaken = true), s));
      await new Promise((r) => setTimeout(r, 200));
      expect(snapshotTaken).toBe(false);
      await tx.query(`insert into contacts (name) values ('Daniel Okafor')`);
      return { during };
    });
    expect(await during).toEqual(await db.snapshot());
    expect(databaseChanges(before, await during)).toEqual(['contacts']);

    // A failing query from outside leaves the server's session as it was.
    const outside = postgres(`postgres://postgres@127.0.0.1:${served.port}/postgres`, { max: 1, prepare: false });
    await expect(outside`select * from no_such_table`).rejects.toThrow(/no_such_table/);
    await outside.end();
    expect((await pg.query<{ n: number }>('select count(*)::int as n from contacts')).rows[0]!.n).toBe(4);
  });

  it('rolls back a transaction a client leaves open, so that the server’s next query is not inside it', async () => {
    const opener = postgres(`postgres://postgres@127.0.0.1:${served.port}/postgres`, { max: 1, prepare: false });
    await opener.unsafe('begin');
    await opener.end({ timeout: 1 });
    await expect(pg.query('savepoint probe')).rejects.toThrow(/transaction block/);
    expect((await pg.query<{ n: number }>('select count(*)::int as n from contacts')).rows[0]!.n).toBe(4);
  });

  it('fails, not skips, when there is no way to fingerprint', async () => {
    expect(() => databaseSnapshotter({})).toThrow(/No way to fingerprint/);
    const nobody = databaseSnapshotter({ embeddedPort: await freePort() });
    await expect(nobody.snapshot()).rejects.toThrow(/Cannot fingerprint the embedded database.*E2E_PGLITE_SOCKET_PORT/);
    await nobody.close();
  });
});
