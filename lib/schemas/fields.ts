import type { z } from 'zod';

/** A schema's field names, typed: the list the data layer and the forms work from instead of writing one out. */
export const keysOf = <Shape extends z.ZodRawShape>(shape: Shape) => Object.keys(shape) as (keyof Shape & string)[];

/** The named fields of `source`, and nothing else (rows carry more than a form's fields). */
export function pick<Source, Key extends keyof Source>(source: Source, keys: readonly Key[]): Pick<Source, Key> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<Source, Key>;
}
