/**
 * What a form sent, read one way. FormData gives `null` for a field that was not sent and a File
 * for an upload; the lib's schemas want text or undefined ("not given"), and decide themselves
 * what a blank means (lib/validation/fields.ts).
 */

/** Fields never sent back to a refused form: a password is typed again, never echoed. */
const SECRET_FIELDS = new Set(["password", "confirmPassword", "currentPassword"]);

export class FormInput {
  constructor(readonly data: FormData) {}

  /** A field's text as typed; undefined when the form did not send it. */
  text(name: string): string | undefined {
    const value = this.data.get(name);
    return typeof value === "string" ? value : undefined;
  }

  /** Every value of a field sent several times (a group of checkboxes). */
  all(name: string): string[] {
    return this.data.getAll(name).filter((v): v is string => typeof v === "string");
  }

  /** A checkbox: ticked when sent as "on" (the browser's value for a ticked box without one). */
  checked(name: string): boolean {
    return this.data.get(name) === "on";
  }

  /**
   * Only the named fields, each as text or undefined: the lib's strict schemas then see exactly
   * what the form is for, and a crafted extra field cannot slip past their messages.
   */
  pick<const N extends string>(names: readonly N[]): Record<N, string | undefined> {
    return Object.fromEntries(names.map((name) => [name, this.text(name)])) as Record<N, string | undefined>;
  }

  /**
   * What was typed, to refill a refused form: every text field but secrets and Next's own
   * `$ACTION…` keys; a field sent several times is joined with commas.
   */
  typed(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const key of new Set(this.data.keys())) {
      if (SECRET_FIELDS.has(key) || key.startsWith("$ACTION")) continue;
      const texts = this.all(key);
      if (texts.length > 0) values[key] = texts.join(",");
    }
    return values;
  }
}
