import type { ActionState } from "@/lib/action-state";

/** What a refused form shows in a field: what was typed, else the saved value. */
export function valueOf(state: ActionState, name: string, saved: string | number | null | undefined): string {
  return state.values?.[name] ?? (saved === null || saved === undefined ? "" : String(saved));
}

export const errorsOf = (state: ActionState, name: string) => state.fieldErrors?.[name];
