/** A visit's status and flags, by text and colour together (never colour alone). */
import { Badge, humanize } from "@/components/ui/badge";

export const STATUS_TONE = { scheduled: "info", completed: "success", missed: "warning", canceled: "neutral" } as const;

type Flagged = { visitStatus: keyof typeof STATUS_TONE; overdue: boolean; outOfWindow: boolean };

export function VisitStatusBadge({ status }: { status: keyof typeof STATUS_TONE }) {
  return <Badge tone={STATUS_TONE[status]}>{humanize(status)}</Badge>;
}

export function VisitFlagBadges({ visit }: { visit: Flagged }) {
  return (
    <>
      {visit.overdue && <Badge tone="danger">Overdue</Badge>}
      {visit.outOfWindow && <Badge tone="warning">Out of window</Badge>}
    </>
  );
}

/** Words for screen readers and titles: "scheduled, overdue, out of window". */
export function visitStateWords(visit: Flagged): string {
  return [visit.visitStatus, visit.overdue ? "overdue" : null, visit.outOfWindow ? "out of window" : null].filter(Boolean).join(", ");
}
