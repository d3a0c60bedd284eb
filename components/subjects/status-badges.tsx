/** Screening and lifecycle status: text and colour together. */
import { Badge, humanize } from "@/components/ui/badge";
import type { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/domain/vocabulary";

const SCREENING_TONE = { pending: "warning", passed: "success", failed: "danger", rescreen: "info" } as const;
const STATUS_TONE = {
  screening: "info",
  enrolled: "success",
  screen_failed: "danger",
  completed: "neutral",
  withdrawn: "neutral",
  lost_to_follow_up: "warning",
} as const;

export function ScreeningBadge({ value }: { value: (typeof SCREENING_STATUSES)[number] }) {
  return <Badge tone={SCREENING_TONE[value]}>{humanize(value)}</Badge>;
}

export function SubjectStatusBadge({ value }: { value: (typeof SUBJECT_STATUSES)[number] }) {
  return <Badge tone={STATUS_TONE[value]}>{humanize(value)}</Badge>;
}
