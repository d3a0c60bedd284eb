import { Badge, humanize } from "@/components/ui/badge";

/** Open studies green, paused amber, closed grey: text and colour together. */
const TONE = {
  not_yet_recruiting: "info",
  recruiting: "success",
  active_not_recruiting: "success",
  suspended: "warning",
  completed: "neutral",
  terminated: "danger",
  withdrawn: "neutral",
} as const;

export function StudyStatusBadge({ status }: { status: keyof typeof TONE }) {
  return <Badge tone={TONE[status]}>{humanize(status)}</Badge>;
}
