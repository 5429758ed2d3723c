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
      await errorsFor('lib/broken.ts', "import { getDb } from '@/db/client';\nexport const db = getDb;\n"),
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
