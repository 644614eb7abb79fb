// The typed action codec: what a button (or a numbered choice) asks the bot to do, as a
// short string a platform carries back when it is pressed. Declared once, used by commands
// (to decode) and services (to build), so no one builds or splits callback strings by hand:
//
//   const viewDossier = defineAction("hoso", "view", { id: int, filter: optional(oneOf(FILTERS)), page: optional(int) });
//   viewDossier.build({ id: 3 })          → "hoso:view:3"
//   viewDossier.parse("hoso:view:3:all:1") → { id: 3, filter: "all", page: 1 }
//
// The wire form is `<command>:<action>[:<field>...]`: the command's name routes the press to
// the command (and its role checks); fields are positional, optional ones last. Every built
// string is checked against the smallest limit of the platforms (Telegram's 64 bytes).

/** Telegram's callback_data limit, the smallest of the supported platforms. */
export const ACTION_MAX_BYTES = 64;
const SEP = ":";

export type ActionData = string & { readonly __action: unique symbol };

interface Field<T> {
  readonly optional: boolean;
  encode(value: T): string;
  decode(raw: string): T | undefined;
}

const INT = /^\d{1,9}$/;
const SAFE = /^[A-Za-z0-9_.-]{1,40}$/;

/** A non-negative integer (ids, pages, percentages), up to nine digits. */
export const int: Field<number> = {
  optional: false,
  encode: (v) => {
    if (!Number.isInteger(v) || v < 0 || v > 999_999_999) throw new Error(`action field: not a small non-negative integer: ${v}`);
    return String(v);
  },
  decode: (raw) => (INT.test(raw) ? Number(raw) : undefined),
};

/** One of a fixed set of words. */
export function oneOf<const W extends string>(words: readonly W[]): Field<W> {
  for (const w of words) if (!SAFE.test(w)) throw new Error(`action word not allowed: ${w}`);
  return {
    optional: false,
    encode: (v) => {
      if (!words.includes(v)) throw new Error(`action field: ${v} is not one of ${words.join(", ")}`);
      return v;
    },
    decode: (raw) => (words as readonly string[]).includes(raw) ? (raw as W) : undefined,
  };
}

/** A word matching a pattern (letters, digits, `_ . -` only). */
export function word(pattern: RegExp): Field<string> {
  return {
    optional: false,
    encode: (v) => {
      if (!SAFE.test(v) || !pattern.test(v)) throw new Error(`action field: ${v} does not match ${pattern}`);
      return v;
    },
    decode: (raw) => (SAFE.test(raw) && pattern.test(raw) ? raw : undefined),
  };
}

/** The field may be left out (only at the end). */
export function optional<T>(f: Field<T>): Field<T | undefined> {
  return { optional: true, encode: (v) => f.encode(v as T), decode: (raw) => f.decode(raw) };
}

type Schema = Record<string, Field<unknown>>;
type FieldValue<F> = F extends Field<infer T> ? T : never;
type RequiredKeys<S extends Schema> = { [K in keyof S]: undefined extends FieldValue<S[K]> ? never : K }[keyof S];
type OptionalKeys<S extends Schema> = Exclude<keyof S, RequiredKeys<S>>;
export type ActionArgs<S extends Schema> = { [K in RequiredKeys<S>]: FieldValue<S[K]> } & { [K in OptionalKeys<S>]?: FieldValue<S[K]> };

export interface ActionDef<S extends Schema> {
  readonly command: string;
  readonly name: string;
  /** The string a button carries. Throws when a value is out of its field's range or too long. */
  build(args: ActionArgs<S>): ActionData;
  /** The arguments of a pressed action of this kind, or undefined (another kind, or forged). */
  parse(data: string): ActionArgs<S> | undefined;
}

const NAME = /^[a-z0-9_]{1,32}$/;

export function defineAction<S extends Schema>(command: string, name: string, schema: S = {} as S): ActionDef<S> {
  if (!NAME.test(command) || !NAME.test(name)) throw new Error(`invalid action name ${command}:${name}`);
  const keys = Object.keys(schema);
  const firstOptional = keys.findIndex((k) => schema[k]!.optional);
  if (firstOptional >= 0 && keys.slice(firstOptional).some((k) => !schema[k]!.optional)) {
    throw new Error(`action ${command}:${name}: optional fields must come last`);
  }
  const prefix = `${command}${SEP}${name}`;
  return {
    command,
    name,
    build(args) {
      const values = args as Record<string, unknown>;
      const parts = [prefix];
      let omitted = false;
      for (const k of keys) {
        const v = values[k];
        if (v === undefined) {
          if (!schema[k]!.optional) throw new Error(`action ${prefix}: ${k} is required`);
          omitted = true;
          continue;
        }
        // A later optional field cannot be given without the earlier ones (positions would shift).
        if (omitted) throw new Error(`action ${prefix}: ${k} given after an omitted field`);
        parts.push(schema[k]!.encode(v));
      }
      const data = parts.join(SEP);
      if (Buffer.byteLength(data) > ACTION_MAX_BYTES) throw new Error(`action ${prefix}: ${Buffer.byteLength(data)} bytes > ${ACTION_MAX_BYTES}`);
      return data as ActionData;
    },
    parse(data) {
      if (data !== prefix && !data.startsWith(prefix + SEP)) return undefined;
      const raw = data === prefix ? [] : data.slice(prefix.length + 1).split(SEP);
      if (raw.length > keys.length) return undefined;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const r = raw[i];
        if (r === undefined) {
          if (!schema[k]!.optional) return undefined;
          continue;
        }
        const v = schema[k]!.decode(r);
        if (v === undefined) return undefined;
        out[k] = v;
      }
      return out as ActionArgs<S>;
    },
  };
}

/** The command an action belongs to (its first part), which routes the press and checks roles. */
export function actionCommand(data: string): string {
  const i = data.indexOf(SEP);
  return i < 0 ? data : data.slice(0, i);
}
