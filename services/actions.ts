import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { AuthorizationError, type StaffRole, type StaffUser } from '@/lib/auth/roles';
import type { FormState } from '@/lib/form-state';
import { logger } from '@/lib/log';
import { requireStaff } from '@/services/auth/staff';

/** FormData as a plain object: repeated names become arrays; React's internal `$ACTION_…` fields are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [key, value] of formData) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    const existing = object[key];
    object[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

const echoValues = (input: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** PostgreSQL cannot store a NUL byte in text: such a value is refused here, for every action, before any write. */
const holdsNul = (input: Record<string, string | string[]>) =>
  Object.values(input).some((value) => (Array.isArray(value) ? value : [value]).some((v) => v.includes('\0')));

/** The request's id: the one scripts/server.mjs (or a proxy in front) gave it, else a new one. */
async function requestId(): Promise<string> {
  try {
    const id = (await headers()).get('x-request-id');
    if (id && /^[\w.:-]{1,100}$/.test(id)) return id;
  } catch {
    // Outside a request (tests, scripts): no headers to read.
  }
  return randomUUID();
}

/** How a call that threw ended: Next's redirect() and notFound() throw on purpose. */
function thrownOutcome(error: unknown): string {
  const digest = error && typeof error === 'object' && 'digest' in error ? String(error.digest) : '';
  if (digest.startsWith('NEXT_REDIRECT')) return 'redirected';
  if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK')) return 'notFound';
  return 'failed';
}

/**
 * One line per action call: which action, how it ended, how long it took, with the request's id — never what was
 * submitted.
 */
function logged<Args extends unknown[]>(
  name: string,
  action: (...args: Args) => Promise<FormState>,
): (...args: Args) => Promise<FormState> {
  return async (...args) => {
    const started = performance.now();
    const id = requestId();
    let outcome = 'failed';
    try {
      const state = await action(...args);
      outcome = state.status === 'error' ? (state.refusal?.reason ?? state.code ?? 'error') : state.status;
      return state;
    } catch (error) {
      outcome = thrownOutcome(error);
      throw error;
    } finally {
      const ms = Math.round(performance.now() - started);
      void id.then((requestId) =>
        logger[outcome === 'failed' ? 'error' : 'info']({ requestId, action: name, outcome, ms }, 'action'),
      );
    }
  };
}

type Handler<Input, Bound, Context> = (input: Input, context: Context & { bound: Bound }) => Promise<FormState | void>;

interface ActionOptions<Schema extends z.ZodType, BoundSchema extends z.ZodTuple> {
  /** `domain.verb` (`meetings.create`): what every log line of the action names, so a failure can be traced to it. */
  name: string;
  schema: Schema;
  /** Arguments bound with `.bind(null, …)` (ids): validated too, though Next encrypts them. */
  bound?: BoundSchema;
  /** Field values that must never be echoed back to the form (secrets). */
  secretFields?: string[];
}

type ActionFn<BoundSchema extends z.ZodTuple> = (
  ...args: [...z.input<BoundSchema>, FormState, FormData]
) => Promise<FormState>;

function makeAction<Schema extends z.ZodType, BoundSchema extends z.ZodTuple, Context>(
  options: ActionOptions<Schema, BoundSchema>,
  authorise: () => Promise<Context | FormState>,
  handler: Handler<z.output<Schema>, z.output<BoundSchema>, Context>,
): ActionFn<BoundSchema> {
  return async (...args) => {
    const formData = args.at(-1);
    if (!(formData instanceof FormData)) return { status: 'error', code: 'unreadable' };
    const context = await authorise();
    if (context && typeof context === 'object' && 'status' in context) return context as FormState;

    const bound = ((options.bound ?? z.tuple([])) as BoundSchema).safeParse(args.slice(0, -2));
    if (!bound.success) return { status: 'error', code: 'missing' };

    const input = formDataToObject(formData);
    // What goes back to the form after a refusal: never a secret field.
    const raw = { ...input };
    for (const field of options.secretFields ?? []) delete raw[field];
    if (holdsNul(input)) {
      const cleaned = Object.fromEntries(Object.entries(echoValues(raw)).map(([k, v]) => [k, v.replaceAll('\0', '')]));
      return { status: 'error', code: 'badCharacters', values: cleaned };
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      return {
        status: 'error',
        code: 'fix',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        values: echoValues(raw),
      };
    }
    try {
      return (
        (await handler(parsed.data, { ...(context as Context), bound: bound.data })) ?? {
          status: 'success',
          message: 'Saved.',
        }
      );
    } catch (error) {
      // redirect() and notFound() work by throwing: let them through.
      unstable_rethrow(error);
      logger.error({ action: options.name, err: error }, 'action failed');
      return { status: 'error', code: 'failed', values: echoValues(raw) };
    }
  };
}

/**
 * Every mutating staff action goes through this: the least role it needs, checked on the server for each call
 * (actions are reachable by direct POST, whatever the page showed), then zod validation with per-field errors.
 */
export function staffAction<Schema extends z.ZodType, BoundSchema extends z.ZodTuple = z.ZodTuple<[]>>(
  options: ActionOptions<Schema, BoundSchema> & { role: StaffRole },
  handler: Handler<z.output<Schema>, z.output<BoundSchema>, { staff: StaffUser }>,
): ActionFn<BoundSchema> {
  const action = makeAction(
    options,
    async () => {
      try {
        return { staff: await requireStaff(options.role) };
      } catch (error) {
        if (!(error instanceof AuthorizationError)) throw error;
        return {
          status: 'error',
          code: error.reason,
          refusal: { reason: error.reason, needs: options.role },
        } satisfies FormState;
      }
    },
    handler,
  );
  return logged(options.name, action);
}

/**
 * Actions open to people without an account, where a token in the URL is the key (first-admin set-up, and later
 * a delegate's invitation link). The token is the first bound argument; `verifyToken` must accept it before
 * anything else happens.
 */
export function tokenAction<Schema extends z.ZodType, BoundSchema extends z.ZodTuple>(
  options: ActionOptions<Schema, BoundSchema> & {
    bound: BoundSchema;
    /** `message`: why not, in the page's language, when the page says more than "this link is not valid". */
    verifyToken: (token: string) => Promise<{ ok: true } | { ok: false; message?: string }>;
  },
  handler: Handler<z.output<Schema>, z.output<BoundSchema>, object>,
): ActionFn<BoundSchema> {
  const action = makeAction(options, async () => ({}), handler);
  return logged(options.name, async (...args: Parameters<ActionFn<BoundSchema>>) => {
    const token = args.length >= 3 ? args[0] : undefined;
    const verdict = typeof token === 'string' ? await options.verifyToken(token) : { ok: false as const };
    if (!verdict.ok)
      return {
        status: 'error',
        code: 'invalidToken',
        ...(verdict.message ? { message: verdict.message } : {}),
        refusal: { reason: 'invalidToken' },
      };
    return action(...args);
  });
}
