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
  const add = (at: Step | null, last: string | null, message: string) => {
    const keys: string[] = last === null ? [] : [last];
    for (let step = at; step; step = step.parent) keys.push(step.key);
    const path = keys.reverse().join(".") || "form";
    // A pointer into a value nested thousands deep would be as long as the body.
    const field = path.length > 200 ? `${path.slice(0, 200)}…` : path;
    errors.set(field, [...(errors.get(field) ?? []), message]);
  };
  // A stack, not recursion, and each entry points at its parent rather than copying its path: a
  // body may be nested hundreds of thousands deep within the size cap.
  type Step = { key: string; parent: Step | null };
  const stack: { value: unknown; at: Step | null }[] = [{ value: input, at: null }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (typeof value === "string") {
      const message = problem(value);
      if (message) add(at, null, message);
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const message = problem(key);
        if (message) add(at, `${key.replace(/[^\x20-\x7e]/g, "?")} (key)`, message);
        else stack.push({ value: child, at: { key, parent: at } });
      }
    }
  }
  return Object.fromEntries(errors);
}
