/**
 * For the de-identification tests: records of every entity written through the real write
 * functions (so the audit trail carries the names, notes and reasons too), each holding a
 * distinctive identifying value that no read may hand to a sponsor. Site B's study is not granted
 * to the sponsor of twoSites().
 */
import "server-only";
import { eq } from "drizzle-orm";
import { subjects } from "@/db/schema";
import { testDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { addSchedule } from "@/tests/fixtures-subjects";
import { makeVisit } from "@/tests/fixtures-visits";
import { addDaysIso, siteToday } from "@/lib/dates";
import { reportAdverseEvent } from "@/lib/adverse-events/report";
import { updateAdverseEvent } from "@/lib/adverse-events/update";
import { createNote } from "@/lib/notes/create";
import { updateNote } from "@/lib/notes/update";
import { recordScreening } from "@/lib/screenings/record";
import { createSubject } from "@/lib/subjects/create";
import { enrollSubject } from "@/lib/subjects/enroll";
import { updateSubject } from "@/lib/subjects/update";
import { withdrawSubject } from "@/lib/subjects/withdraw";
import { cancelVisit } from "@/lib/visits/cancel";

export const NAME = "Xanthippe Vorobyova";
export const RENAMED = "Xanthippe Vorobyova-Kell";
export const FAILED_NAME = "Quirinus Abernathy-Lutz";
export const DOB = "1963-07-19";
export const FAILED_DOB = "1958-11-23";
/** Consent dates (site-local input); a sponsor may not learn when a person consented. */
export const CONSENT_DATE = "2019-02-13";
export const FAILED_CONSENT_DATE = "2018-06-21";

export const SECRETS = {
  names: [NAME, RENAMED, FAILED_NAME, "Vorobyova", "Abernathy", "Alice Anders", "Bob Brown"],
  dobs: [DOB, FAILED_DOB, "1970-05-02", "1980-01-01"],
  consent: [CONSENT_DATE, FAILED_CONSENT_DATE, "2024-01-10"],
  text: [
    "SCREENNOTE-walrus",
    "FAILREASON-otter",
    "FAILNOTE-badger",
    "WITHDRAWREASON-heron",
    "CANCELREASON-ibis",
    "NOTETEXT-pelican",
    "NOTEEDIT-puffin",
    "EDITREASON-lynx",
    "NOTEREASON-marten",
    "AEREASON-stoat",
    "SITEB-NOTE-gannet",
  ],
};
export const ALL_SECRETS = [...SECRETS.names, ...SECRETS.dobs, ...SECRETS.consent, ...SECRETS.text];

/** The secrets found in `value`, serialised whole (an empty list when none). */
export function leaked(value: unknown): string[] {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return ALL_SECRETS.filter((secret) => text.includes(secret));
}

export async function writeSponsorRecords(now = new Date()) {
  const f = await twoSites();
  const coordA = await f.actor(f.users.coordA.id);
  const coordB = await f.actor(f.users.coordB.id);
  await addSchedule(f.studyA.id);
  const db = await testDb();
  /** A subject of site A's study, registered by its coordinator. */
  const register = (subjectId: string, fullName: string, dob: string, sexAtBirth: string, consentSignedAt: string) =>
    createSubject(coordA, { subjectId, fullName, studyId: f.studyA.id, coordinatorId: f.users.coordA.id, dob, sexAtBirth, consentSignedAt });

  // A subject registered, renamed (with a reason), screened with notes, enrolled, noted, reported, withdrawn.
  const created = await register("A-77", NAME, DOB, "female", `${CONSENT_DATE}T10:30`);
  const renamed = await updateSubject(coordA, {
    id: created.id,
    version: created.version,
    subjectId: "A-77",
    fullName: RENAMED,
    coordinatorId: f.users.coordA.id,
    dob: DOB,
    sexAtBirth: "female",
    consentSignedAt: created.consentSignedAt!.toISOString(),
    reason: "EDITREASON-lynx",
  });
  const screened = await recordScreening(coordA, {
    subjectId: renamed.id,
    subjectVersion: renamed.version,
    screeningStatus: "passed",
    notes: "SCREENNOTE-walrus",
  });
  const enrolled = await enrollSubject(coordA, { id: screened.subject.id, version: screened.subject.version });
  const note = await createNote(coordA, { subjectId: renamed.id, noteType: "call", noteText: "NOTETEXT-pelican" });
  await updateNote(coordA, { id: note.id, version: note.version, noteType: "call", noteText: "NOTEEDIT-puffin", reason: "NOTEREASON-marten" });
  const ae = await reportAdverseEvent(coordA, {
    subjectId: renamed.id,
    eventTerm: "Pneumonia",
    severity: "severe",
    grade: "3",
    serious: "on",
    seriousnessCriteria: ["hospitalization"],
    onsetDate: "2024-04-01",
    awareAt: "2024-04-02T09:30",
    outcome: "",
    endDate: "",
    status: "",
  });
  await updateAdverseEvent(coordA, { id: ae.id, version: ae.version, severity: "moderate", grade: "2", reason: "AEREASON-stoat" });
  const withdrawn = await withdrawSubject(coordA, { id: enrolled.subject.id, version: enrolled.subject.version, reason: "WITHDRAWREASON-heron" });

  // A subject who failed screening, with notes and a reason.
  const other = await register("A-78", FAILED_NAME, FAILED_DOB, "male", `${FAILED_CONSENT_DATE}T09:15`);
  const failedScreening = await recordScreening(coordA, {
    subjectId: other.id,
    subjectVersion: other.version,
    screeningStatus: "failed",
    notes: "FAILNOTE-badger",
    failReason: "FAILREASON-otter",
  });

  // A visit of the fixture subject, overdue then canceled with a reason; another left overdue.
  const today = siteToday("America/New_York", now);
  const yesterday = new Date(now.getTime() - 86_400_000);
  const window = { windowStart: addDaysIso(today, -3), windowEnd: addDaysIso(today, -2) };
  const visit = await makeVisit(f, { scheduledAt: yesterday, ...window });
  const canceledVisit = await cancelVisit(coordA, { id: visit.id, version: visit.version, reason: "CANCELREASON-ibis" });
  await makeVisit(f, { scheduledAt: yesterday, ...window });

  // Site B's study is not granted to the sponsor.
  await db.update(subjects).set({ consentSignedAt: new Date("2024-01-10T15:00:00Z") }).where(eq(subjects.id, f.subjectB.id));
  await createNote(coordB, { subjectId: f.subjectB.id, noteType: "general", noteText: "SITEB-NOTE-gannet" });
  const foreignVisit = await makeVisit(f, { scheduledAt: yesterday }, "B");
  const foreignAe = await reportAdverseEvent(coordB, {
    subjectId: f.subjectB.id,
    eventTerm: "Rash",
    severity: "mild",
    grade: "1",
    serious: "",
    seriousnessCriteria: [],
    onsetDate: "2024-02-01",
    awareAt: "2024-02-01T10:00",
    outcome: "",
    endDate: "",
    status: "",
  });

  return {
    f,
    coordA,
    sponsor: await f.actor(f.users.sponsor.id),
    subject: withdrawn.subject,
    failed: failedScreening.subject,
    screeningId: screened.screening.id,
    failedScreeningId: failedScreening.screening.id,
    noteId: note.id,
    aeId: ae.id,
    canceledVisit,
    foreign: { visitId: foreignVisit.id, aeId: foreignAe.id },
  };
}

export type SponsorRecords = Awaited<ReturnType<typeof writeSponsorRecords>>;
