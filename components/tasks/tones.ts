/** Priority and status of a task by colour — always with their words beside (Badge). */
import type { TaskPriority, TaskStatus } from "@/domain/vocabulary";

export const PRIORITY_TONE: Record<TaskPriority, "neutral" | "info" | "warning" | "danger"> = {
  low: "neutral",
  normal: "info",
  high: "warning",
  urgent: "danger",
};

export const STATUS_TONE: Record<TaskStatus, "info" | "success" | "neutral"> = { open: "info", done: "success", dismissed: "neutral" };
