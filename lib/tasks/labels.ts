/**
 * How a task reads wherever it is shown (the list, the dashboard, the timeline, the CSV): who has
 * it, what it is about and where that record opens. Free of server code: client components use it.
 */
import type { TaskEntity } from "@/domain/vocabulary";

type Assigned = { assigneeName: string | null; assigneeRole: string | null };
type About = { entity: TaskEntity; entityId: string; subjectId: string | null; subjectCode: string | null; protocolId: string | null };

const ROLE_GROUP: Record<string, string> = { coordinator: "Any coordinator", investigator: "Any investigator" };

/** "Assigned to" choices: each active person of the site, then each role there (the form sends a role's name or a person's id). */
export function assigneeChoices(staff: readonly { id: string; displayName: string; role: string }[]): { value: string; label: string }[] {
  return [
    ...staff.map((s) => ({ value: s.id, label: `${s.displayName} (${s.role})` })),
    ...Object.entries(ROLE_GROUP).map(([role, label]) => ({ value: role, label })),
  ];
}

export function assigneeLabel(t: Assigned): string {
  return t.assigneeName ?? ROLE_GROUP[t.assigneeRole ?? ""] ?? "—";
}

export const ENTITY_LABEL: Record<TaskEntity, string> = {
  subject: "Subject",
  visit: "Visit",
  adverse_event: "Adverse event",
  screening: "Screening",
  study: "Study",
};

/** "A-01 · Visit", or the study's protocol for a study's task. */
export function aboutLabel(t: About): string {
  if (t.entity === "study") return `Study ${t.protocolId ?? ""}`.trim();
  const code = t.subjectCode ?? "Subject";
  return t.entity === "subject" ? code : `${code} · ${ENTITY_LABEL[t.entity]}`;
}

/** The page the record opens on (a screening on its subject's timeline); none for a study. */
export function aboutHref(t: About): string | null {
  switch (t.entity) {
    case "subject":
      return `/subjects/${t.entityId}`;
    case "visit":
      return `/visits/${t.entityId}`;
    case "adverse_event":
      return `/adverse-events/${t.entityId}`;
    case "screening":
      return t.subjectId ? `/subjects/${t.subjectId}` : null;
    case "study":
      return null;
  }
}
