/**
 * A record's e-signatures (21 CFR 11.50: printed name, date-time, meaning) — the live one, and
 * every voided one struck through with who voided it, when and why, so a void is never silent.
 */
import { Badge } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";
import type { SignatureRow } from "@/lib/signatures/queries";

export function SignaturePanel({ signatures, timeZone, unsignedText }: { signatures: SignatureRow[]; timeZone: string; unsignedText: string }) {
  const live = signatures.find((s) => !s.voidedAt);
  return (
    <section aria-label="Signatures" className="mt-4 max-w-4xl rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="text-sm font-semibold text-slate-900">Investigator signature</h2>
      {!live && <p className="mt-1 text-slate-700">{unsignedText}</p>}
      <ul className="mt-2 space-y-2">
        {signatures.map((s) =>
          s.voidedAt ? (
            <li key={s.id} data-testid="signature-void" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-950">
              <Badge tone="danger">Void</Badge>{" "}
              <span className="line-through">
                {s.printedName} · {formatInstant(s.signedAt, timeZone)} · “{s.meaning}”
              </span>
              <p className="mt-1 text-xs">
                Voided {formatInstant(s.voidedAt, timeZone)} by {s.voidedByName ?? "—"}: {s.voidReason}
              </p>
            </li>
          ) : (
            <li key={s.id} data-testid="signature-live" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-950">
              <Badge tone="success">Signed</Badge> {s.printedName} · {formatInstant(s.signedAt, timeZone)} · “{s.meaning}”
              <p className="mt-1 break-all font-mono text-[11px] text-emerald-900">sha-256 {s.contentHash}</p>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
