/**
 * The hash-chain check's verdict. Async: the check reads the audit rows written since the last
 * verified one (lib/audit/verify.ts, the checkpoint), so the page streams it in a Suspense boundary
 * and the log itself is not held up.
 */
import { checkAuditChain } from "@/lib/audit/log/queries";
import { describeBreak } from "@/lib/audit/verify";
import type { Actor } from "@/lib/actor";

export async function ChainStatus({ actor }: { actor: Actor }) {
  const result = await checkAuditChain(actor);
  if (result.ok && result.unsealed.stale > 0) {
    const { stale, oldestSeq } = result.unsealed;
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <span className="font-semibold">Hash chain intact, but {stale} {stale === 1 ? "event has" : "events have"} waited over a minute for a seal</span>{" "}
        (the oldest is #{oldestSeq}). A transaction has been held open that long, or an event was written past the database&apos;s trigger;{" "}
        <code className="font-mono">npm run audit:verify</code> names them.
      </p>
    );
  }
  if (result.ok) {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        <span className="font-semibold">Hash chain intact</span>
        {result.from > 0
          ? `, ${result.checked} new ${result.checked === 1 ? "event" : "events"} checked since seal #${result.from} (verified earlier); head #${result.head?.seq ?? result.from}.`
          : `, ${result.checked} ${result.checked === 1 ? "event" : "events"} checked.`}
      </p>
    );
  }
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p>
        <span className="font-semibold">Hash chain BROKEN at {describeBreak(result.brokenAt)}</span>: {result.brokenAt.problem}. {result.checked} events checked.
      </p>
      <p className="mt-1">
        Events from #{result.brokenAt.seq} on cannot be trusted as recorded. Keep this database as it is and tell whoever is
        responsible for data integrity; <code className="font-mono">npm run audit:verify -- --full</code> repeats the check over the whole trail.
      </p>
    </div>
  );
}

export function ChainStatusPending() {
  return (
    <p role="status" aria-busy="true" className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600">
      Checking the hash chain…
    </p>
  );
}
