import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of eslint.config.mjs, fed deliberately broken code that exists only here (virtual files).
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering rules', () => {
  it('keep drizzle-orm and the db client inside db/', async () => {
    expect(
      await errorsFor(
        'app/staff/broken/page.tsx',
        "import { sql } from 'drizzle-orm';\nexport const q = sql`select 1`;\n",
      ),
    ).toEqual([expect.stringMatching(/no-restricted-imports: .*Queries belong in the data access layer/)]);
    expect(
      await errorsFor('services/broken.ts', "import { getDb } from '@/db/client';\nexport const db = getDb;\n"),
    ).toEqual([expect.stringMatching(/Only db\/ opens the database/)]);
    expect(
      await errorsFor('db/fine.ts', "import { sql } from 'drizzle-orm';\nexport const q = sql`select 1`;\n"),
    ).toEqual([]);
  });

  it('allow row types but not schema values outside db/', async () => {
    expect(await errorsFor('lib/fine.ts', "import type { User } from '@/db/schema';\nexport type U = User;\n")).toEqual(
      [],
    );
    expect(await errorsFor('lib/broken.ts', "import { users } from '@/db/schema';\nexport const t = users;\n")).toEqual(
      [expect.stringMatching(/import row types only/)],
    );
  });

  it('keep components/ away from db/, and db/ away from app/ and components/', async () => {
    expect(
      await errorsFor(
        'components/broken.tsx',
        "import { listStaff } from '@/db/staff';\nexport const f = listStaff;\n",
      ),
    ).toEqual([expect.stringMatching(/components\/ is shared UI and never loads data/)]);
    expect(
      await errorsFor(
        'db/broken.ts',
        "import { SubmitButton } from '@/components/submit-button';\nexport const b = SubmitButton;\n",
      ),
    ).toEqual([expect.stringMatching(/db\/ is the data access layer and must not depend on pages or UI/)]);
  });

  it("keep the tests' support out of the app", async () => {
    expect(
      await errorsFor(
        'db/broken.ts',
        "import { createContact } from '@/test/factories';\nexport const f = createContact;\n",
      ),
    ).toEqual([expect.stringMatching(/test\/ is support for the tests/)]);
    expect(
      await errorsFor('app/broken/page.tsx', "import { actAs } from '@/test/session';\nexport const f = actAs;\n"),
    ).toEqual([expect.stringMatching(/test\/ is support for the tests/)]);
  });

  it('keep demo data and bench code out of what the app ships, and let them fill the database', async () => {
    const demoMessage = /Demo data and bench code stay out of the production bundle/;
    expect(
      await errorsFor(
        'db/broken.ts',
        "import { seedDemoData } from '@/scripts/demo/seed';\nexport const s = seedDemoData;\n",
      ),
    ).toEqual([expect.stringMatching(demoMessage)]);
    expect(
      await errorsFor(
        'app/broken/page.tsx',
        "import { readOneMeetingTitle } from '@/scripts/bench/app-bench';\nexport const r = readOneMeetingTitle;\n",
      ),
    ).toEqual([expect.stringMatching(demoMessage)]);
    // The bench's own routes (built by `npm run bench` only) may use its data.
    expect(
      await errorsFor(
        'app/broken/page.bench.tsx',
        "import { readOneMeetingTitle } from '@/scripts/bench/app-bench';\nexport const r = readOneMeetingTitle;\n",
      ),
    ).toEqual([]);
    expect(
      await errorsFor('scripts/demo/fine.ts', "import { getDb } from '@/db/client';\nexport const db = getDb;\n"),
    ).toEqual([]);
    expect(
      await errorsFor('scripts/broken.ts', "import { getDb } from '@/db/client';\nexport const db = getDb;\n"),
    ).toEqual([expect.stringMatching(/Only db\/ opens the database/)]);
  });

  it('keep lib/ below db/ and services/, db/ below services/, and services/ below the pages', async () => {
    // lib/: pure helpers. Not even a type from a db/ module other than the schema's row types.
    expect(
      await errorsFor('lib/broken.ts', "import { getMeeting } from '@/db/meetings';\nexport const f = getMeeting;\n"),
    ).toEqual([expect.stringMatching(/lib\/ holds pure helpers below the data layer: move this code to services\//)]);
    expect(
      await errorsFor(
        'lib/broken.ts',
        "import type { StaffSummary } from '@/db/summaries';\nexport type S = StaffSummary;\n",
      ),
    ).toEqual([expect.stringMatching(/lib\/ holds pure helpers below the data layer/)]);
    expect(
      await errorsFor(
        'lib/auth/broken.ts',
        "import { requireStaff } from '@/services/auth/staff';\nexport const f = requireStaff;\n",
      ),
    ).toEqual([expect.stringMatching(/lib\/ holds pure helpers .* if it needs the session/)]);
    expect(
      await errorsFor('lib/broken.ts', "import { auth } from '../services/auth';\nexport const f = auth;\n"),
    ).toEqual([expect.stringMatching(/lib\/ holds pure helpers .* if it needs the session/)]);
    // db/: takes the acting staff member instead of reading the session.
    expect(
      await errorsFor(
        'db/broken.ts',
        "import { requireStaff } from '@/services/auth/staff';\nexport const f = requireStaff;\n",
      ),
    ).toEqual([expect.stringMatching(/db\/ sits below services\/ and never reads the session: take the acting staff/)]);
    expect(await errorsFor('db/broken.ts', "import NextAuth from 'next-auth';\nexport const f = NextAuth;\n")).toEqual([
      expect.stringMatching(/db\/ sits below services\//),
    ]);
    // services/: below the pages.
    expect(
      await errorsFor(
        'services/broken.ts',
        "import { addStaffAction } from '@/app/staff/team/actions';\nexport const f = addStaffAction;\n",
      ),
    ).toEqual([expect.stringMatching(/services\/ sits below the pages/)]);
    // The allowed direction.
    expect(
      await errorsFor(
        'db/fine.ts',
        "import { assertRole } from '@/lib/auth/roles';\nimport { env } from '@/lib/env';\nexport const f = [assertRole, env];\n",
      ),
    ).toEqual([]);
    expect(
      await errorsFor(
        'services/fine.ts',
        "import { getMeeting } from '@/db/meetings';\nimport { roleAtLeast } from '@/lib/auth/roles';\nexport const f = [getMeeting, roleAtLeast];\n",
      ),
    ).toEqual([]);
    expect(
      await errorsFor(
        'app/staff/fine.ts',
        "import { requireStaff } from '@/services/auth/staff';\nexport const f = requireStaff;\n",
      ),
    ).toEqual([]);
  });

  it('refuse a client component that reaches a server-only module, naming the chain', async () => {
    const errors = await errorsFor(
      'app/staff/broken/form.tsx',
      "'use client';\nimport { requireStaff } from '@/services/auth/staff';\nexport const f = requireStaff;\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /council\/no-server-only-in-client: '@\/services\/auth\/staff' is server-only \(services\/auth\/staff\.ts\)/,
      ),
    ]);
    // Through an innocent-looking module: services/actions.ts imports services/auth/staff.
    expect(
      await errorsFor(
        'components/broken.tsx',
        "'use client';\nimport { formDataToObject } from '@/services/actions';\nexport const f = formDataToObject;\n",
      ),
    ).toEqual([expect.stringMatching(/server-only \(services\/actions\.ts\)/)]);
    // Server actions and type-only imports are fine.
    expect(
      await errorsFor(
        'app/staff/fine.tsx',
        "'use client';\nimport { addStaffAction } from '@/app/staff/team/actions';\nimport type { StaffUser } from '@/lib/auth/roles';\nexport const a = addStaffAction;\nexport type S = StaffUser;\n",
      ),
    ).toEqual([]);
  });
});

describe('user-facing text on public pages', () => {
  it('must come from the message files, not the code', async () => {
    expect(
      await errorsFor(
        'app/[locale]/broken/page.tsx',
        'export default function P() {\n  return <p>Upcoming meetings</p>;\n}\n',
      ),
    ).toEqual([expect.stringMatching(/react\/jsx-no-literals/)]);
    expect(
      await errorsFor('app/not-found.tsx', 'export default function P() {\n  return <h1>{"Page not found"}</h1>;\n}\n'),
    ).toEqual([expect.stringMatching(/react\/jsx-no-literals/)]);
    expect(
      await errorsFor(
        'app/[locale]/fine/page.tsx',
        "export default function P({ t }: { t: (k: string) => string }) {\n  return <p className=\"mt-2\">{t('title')} · {t('lead')}</p>;\n}\n",
      ),
    ).toEqual([]);
  });
});
