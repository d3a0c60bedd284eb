/**
 * "Retire…": a record entered in error leaves every list; nothing is deleted, and the audit trail
 * and the subject's timeline keep who retired it, when and why. One dialog for every record page and
 * for the timeline's screenings and notes.
 */
import { DialogForm } from "@/components/timeline/dialog-form";
import type { ActionState } from "@/lib/action-state";

export function RetireDialog({
  noun,
  record,
  action,
  openName,
  children,
}: {
  /** "visit", "adverse event", "subject", "screening", "note". */
  noun: string;
  record: { id: string; version: number };
  /** The button's accessible name where several stand on one page (the timeline's records). */
  openName?: string;
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  children?: React.ReactNode;
}) {
  return (
    <DialogForm
      title={`Retire ${noun} entered in error`}
      openLabel="Retire…"
      openName={openName}
      submitLabel={`Retire ${noun}`}
      variant="danger"
      action={action}
      hidden={{ id: record.id, version: record.version }}
      reasonLabel={`Why was this ${noun} entered in error?`}
    >
      {children ?? (
        <p>
          Use this only for a record that should never have existed (a duplicate, a wrong subject). It will leave every list and count; nothing is
          deleted, and the subject&apos;s timeline keeps it struck through with who retired it, when and why.
        </p>
      )}
    </DialogForm>
  );
}
