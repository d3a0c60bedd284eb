/** A screening status by text and colour together. */
import { Badge, humanize } from "@/components/ui/badge";

export const SCREENING_TONE = { pending: "warning", rescreen: "info", passed: "success", failed: "danger" } as const;

export function ScreeningBadge({ status }: { status: keyof typeof SCREENING_TONE }) {
  return <Badge tone={SCREENING_TONE[status]}>{humanize(status)}</Badge>;
}
