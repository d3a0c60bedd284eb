/**
 * Text the database cannot store: PostgreSQL's text refuses the NUL character (U+0000) with an
 * error (22021) that would surface as a 500, and an unpaired UTF-16 surrogate is not Unicode at
 * all (JSON's "\ud800" escape, a broken client). Every parse (`parseOrThrow`) refuses both first,
 * naming the field, so no transport sends such text to the database (docs/architecture.md,
 * "API transports").
 */
import type { FieldErrors } from "../errors";

export const NUL_MESSAGE = "Remove the NUL character (\\u0000); it cannot be stored.";
export const NOT_UNICODE_MESSAGE = "This text is not valid Unicode (an unpaired surrogate).";

function problem(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (!text.isWellFormed()) return NOT_UNICODE_MESSAGE;
  return null;
}

/** The fields of `input` (keys included) holding text that cannot be stored; {} when none. */
export function unstorableText(input: unknown): FieldErrors {
  // A Map: a field may be called `constructor` or `__proto__`, which a plain object already has.
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => errors.set(field, [...(errors.get(field) ?? []), message]);
  // A stack, not recursion: a body may be nested 10,000 deep.
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const message = problem(value);
      if (message) add(path.join(".") || "form", message);
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const message = problem(key);
        if (message) add([...path, "(key)"].join("."), message);
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return Object.fromEntries(errors);
}
