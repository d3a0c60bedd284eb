/**
 * A PATCH (REST or GraphQL) either moves a record through its statuses or edits its fields, never
 * both at once: lib/subjects/change.ts and lib/visits/change.ts decide what a change means with it.
 */
import { ValidationError } from "../errors";

/** The editable fields `change` sends; refused (422 on the status field) when it sends a status too. */
export function statusOrEdits<C, F extends keyof C>(change: C, statusField: keyof C & string, editable: readonly F[]): F[] {
  const edits = editable.filter((field) => change[field] !== undefined);
  if (change[statusField] && edits.length > 0) {
    throw new ValidationError("Change the status on its own, without other fields.", { [statusField]: ["Send the status change separately."] });
  }
  return edits;
}
