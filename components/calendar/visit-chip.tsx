/**
 * One visit in a calendar cell: a link to the visit, its time, subject and type, and its state
 * in words (status when not plain "scheduled", plus the flags) with a matching colour. A retired
 * visit (shown with "Show retired") is greyed and says so, and links nowhere: it has no page any more.
 */
import Link from "next/link";
import { humanize } from "@/components/ui/badge";
import { visitStateWords } from "@/components/visits/visit-badges";
import type { VisitRow } from "@/lib/visits/queries";
import { timeLabel } from "./labels";

const STATUS_STYLE = {
  scheduled: "border-sky-500 bg-sky-50 text-sky-950",
  completed: "border-emerald-600 bg-emerald-50 text-emerald-950",
  missed: "border-amber-500 bg-amber-50 text-amber-950",
  canceled: "border-slate-400 bg-slate-50 text-slate-600",
} as const;

export function VisitChip({ visit, timeZone, compact = false }: { visit: VisitRow; timeZone: string; compact?: boolean }) {
  const time = timeLabel(visit.scheduledAt, timeZone);
  const flagged = visit.overdue || visit.outOfWindow;
  const words: string[] = [];
  if (visit.visitStatus !== "scheduled") words.push(humanize(visit.visitStatus));
  if (visit.overdue) words.push("Overdue");
  if (visit.outOfWindow) words.push("Out of window");
  const body = (
    <>
      <span className="font-mono tabular-nums">{time}</span> <span className="font-medium">{visit.subjectCode}</span>
      {!compact && <span className="text-slate-700"> · {humanize(visit.visitType)}</span>}
    </>
  );
  if (visit.retiredAt) {
    return (
      <span
        title={`${time} ${visit.subjectCode} · ${humanize(visit.visitType)} (${visit.protocolId}) — retired as entered in error${visit.retireReason ? `: ${visit.retireReason}` : ""}`}
        className="block rounded border-l-4 border-slate-300 bg-slate-100 px-1.5 py-0.5 text-xs leading-snug text-slate-500"
      >
        <span className="line-through decoration-slate-400">{body}</span>
        <span className="block font-semibold">Retired</span>
      </span>
    );
  }
  return (
    <Link
      href={`/visits/${visit.id}`}
      data-visit-link
      title={`${time} ${visit.subjectCode} · ${humanize(visit.visitType)} (${visit.protocolId}) — ${visitStateWords(visit)}`}
      aria-label={`${time} ${visit.subjectCode} ${humanize(visit.visitType)}, ${visitStateWords(visit)}`}
      className={`block rounded border-l-4 px-1.5 py-0.5 text-xs leading-snug hover:underline ${STATUS_STYLE[visit.visitStatus]} ${
        flagged ? "ring-1 ring-inset ring-red-300" : ""
      }`}
    >
      {body}
      {words.length > 0 && (
        <span className={`block font-semibold ${visit.overdue ? "text-red-800" : visit.outOfWindow ? "text-amber-900" : ""}`}>
          {words.join(" · ")}
        </span>
      )}
    </Link>
  );
}
