// Checking params before a method runs.
//
// Go's net/rpc decodes params into the method's argument type, and a
// value of the wrong type fails to decode before the method is
// called. TypeScript's types are gone at run time, so each method
// says what it takes with a small validator, and a bad value gets
// -32602 Invalid params naming the param and what was wrong.

import { rpcError } from './errors.ts';
import { isPlainObject } from './messages.ts';

/** Turns a raw value into a T, or throws saying why it cannot. */
export type Field<T> = (value: unknown, name: string) => T;

/** Turns a request's raw params into a method's argument. */
export interface ParamsSpec<T> {
  parse(raw: unknown): T;
  /** How the params look, for error messages and the console. */
  shape: string;
}

function invalid(why: string): never {
  throw rpcError('INVALID_PARAMS', why);
}

/** A value as an error message quotes it: briefly. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text =
    typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// #region fields
/** A whole number (Go's int), within what a double holds exactly. */
export const integer: Field<number> = (value, name) =>
  Number.isSafeInteger(value)
    ? (value as number)
    : invalid(`${name} must be an integer, not ${show(value)}`);

/** Any finite number. */
export const number: Field<number> = (value, name) =>
  typeof value === 'number' && Number.isFinite(value)
    ? value
    : invalid(`${name} must be a number, not ${show(value)}`);

/** A string of at most 200 characters. */
export const string: Field<string> = (value, name) =>
  typeof value === 'string' && value.length <= 200
    ? value
    : invalid(`${name} must be a string of up to 200 characters`);

/** A whole number from `min` to `max`. */
export function range(min: number, max: number): Field<number> {
  return (value, name) => {
    const n = integer(value, name);
    return n >= min && n <= max
      ? n
      : invalid(`${name} must be from ${min} to ${max}, not ${n}`);
  };
}
// #endregion fields

// #region named
/**
 * Params with names, given by name ({"A": 7, "B": 8}) or by position
 * ([7, 8], in the order listed here). Every one is required, and a
 * name not listed is refused rather than ignored.
 */
export function named<S extends Record<string, Field<unknown>>>(
  fields: S,
): ParamsSpec<{ [K in keyof S]: ReturnType<S[K]> }> {
  const names = Object.keys(fields);
  const shape = `{${names.join(', ')}} or [${names.join(', ')}]`;
  return {
    shape,
    parse(raw) {
      let byName: Record<string, unknown>;
      if (Array.isArray(raw)) {
        if (raw.length !== names.length) {
          invalid(
            `expected ${names.length} params (${shape}), ` +
              `got ${raw.length}`,
          );
        }
        byName = Object.fromEntries(names.map((n, i) => [n, raw[i]]));
      } else if (isPlainObject(raw)) {
        byName = raw;
        const extra = Object.keys(raw).find((k) => !names.includes(k));
        if (extra !== undefined) invalid(`unknown param "${extra}"`);
      } else {
        return invalid(`params must be ${shape}`);
      }
      const parsed: Record<string, unknown> = {};
      for (const name of names) {
        if (!Object.hasOwn(byName, name)) {
          invalid(`missing param "${name}"`);
        }
        parsed[name] = fields[name]!(byName[name], name);
      }
      return parsed as { [K in keyof S]: ReturnType<S[K]> };
    },
  };
}
// #endregion named

/** Params given only by position, any number up to `max`. */
export function list<T>(item: Field<T>, max = 100): ParamsSpec<T[]> {
  return {
    shape: `[value, …] (up to ${max})`,
    parse(raw) {
      if (!Array.isArray(raw)) invalid('params must be an array');
      if (raw.length > max) {
        invalid(`at most ${max} params, not ${raw.length}`);
      }
      return raw.map((value, i) => item(value, `params[${i}]`));
    },
  };
}

/** No params: none at all, [] or {}. */
export const none: ParamsSpec<undefined> = {
  shape: 'none',
  parse(raw) {
    const empty =
      raw === undefined ||
      (Array.isArray(raw) && raw.length === 0) ||
      (isPlainObject(raw) && Object.keys(raw).length === 0);
    return empty ? undefined : invalid('this method takes no params');
  },
};
