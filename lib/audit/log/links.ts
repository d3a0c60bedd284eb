/**
 * Where an audit row's record is shown. Records with a page of their own link there (the page
 * shows the record's whole history); screenings and notes live on their subject's timeline;
 * anything else (users, sessions, studies…) links to the audit log filtered to that record,
 * which is its history for an admin.
 */
export type RecordRef = { entity: string; entityId: string | null; subjectId: string | null };

const PAGES: Record<string, string> = {
  subject: "/subjects",
  visit: "/visits",
  adverse_event: "/adverse-events",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function recordHref(ref: RecordRef): { href: string; kind: "record" | "timeline" | "log" } | null {
  if (!ref.entityId) return null;
  const page = PAGES[ref.entity];
  if (page && UUID.test(ref.entityId)) return { href: `${page}/${ref.entityId}`, kind: "record" };
  if ((ref.entity === "screening" || ref.entity === "subject_note") && ref.subjectId) {
    return { href: `/subjects/${ref.subjectId}`, kind: "timeline" };
  }
  return { href: recordLogHref(ref.entity, ref.entityId), kind: "log" };
}

/** The audit log narrowed to one record: its history, for records without a page of their own. */
export function recordLogHref(entity: string, entityId: string): string {
  return `/audit?${new URLSearchParams({ entity, entityId }).toString()}`;
}
