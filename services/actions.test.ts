import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { tokenAction } from './actions';

// The wrapper without a session: tokenAction needs none, and services/auth is never reached.
vi.mock('@/services/auth/staff', () => ({ requireStaff: vi.fn() }));

const idle = { status: 'idle' } as const;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

const action = (handler: () => Promise<void>) =>
  tokenAction(
    {
      name: 'tests.explode',
      bound: z.tuple([z.string()]),
      verifyToken: async (token) => (token === 'good' ? { ok: true } : { ok: false }),
      schema: z.object({
        title: z
          .string()
          .min(3, 'tooShort')
          .regex(/^[a-z]+$/, 'letters'),
      }),
      secretFields: ['secret'],
    },
    handler,
  );

afterEach(() => vi.restoreAllMocks());

describe('the action wrapper', () => {
  it('names the action in the log line of a failure, and answers with a code and what was typed', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((line) => lines.push(String(line)) > 0);
    const state = await action(async () => {
      throw new Error('disk full');
    })('good', idle, form({ title: 'agenda', secret: 'x' }));
    expect(state).toEqual({ status: 'error', code: 'failed', values: { title: 'agenda' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 50,
        action: 'tests.explode',
        msg: 'action failed',
        err: expect.objectContaining({ message: 'disk full' }),
      }),
    );
    // And the line every call leaves: the action, its outcome and its time, with a request id.
    expect(logged).toContainEqual(
      expect.objectContaining({
        action: 'tests.explode',
        outcome: 'failed',
        ms: expect.any(Number),
        requestId: expect.any(String),
      }),
    );
    expect(lines.join('')).not.toContain('agenda');
  });

  it('refuses bad input with the code `fix` and every problem of each field, no sentence', async () => {
    const state = await action(async () => {})('good', idle, form({ title: '1' }));
    expect(state).toEqual({
      status: 'error',
      code: 'fix',
      fieldErrors: { title: ['tooShort', 'letters'] },
      values: { title: '1' },
    });
  });

  it('refuses a link it does not accept with `invalidToken`, machine-readable for the authorisation test', async () => {
    expect(await action(async () => {})('bad', idle, form({ title: 'agenda' }))).toEqual({
      status: 'error',
      code: 'invalidToken',
      refusal: { reason: 'invalidToken' },
    });
    expect(await action(async () => {})('good', idle, 'not a form' as never)).toEqual({
      status: 'error',
      code: 'unreadable',
    });
  });
});
