import type { ActionState } from "@/lib/action-state";

/** The form-level outcome. role="status" rather than "alert": Next's route announcer owns "alert". */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const tone =
    state.status === "error"
      ? "border-red-200 bg-red-50 text-red-800"
      : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <p role="status" className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      {state.message}
    </p>
  );
}
