/** Badge tones for AE status and severity (always shown with their text). */
export const STATUS_TONE = { open: "warning", follow_up: "info", resolved: "success", closed: "neutral" } as const;
export const SEVERITY_TONE = { mild: "neutral", moderate: "warning", severe: "danger" } as const;
