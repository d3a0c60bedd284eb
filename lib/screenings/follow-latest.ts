/**
 * While a subject is in screening, its screeningStatus (and lifecycle status) mirrors its latest
 * screening that is not retired — a corrected date or a retired screening can change which one
 * that is; with none left, the subject is pending again. Past screening, the status is the
 * enrolment's business, not ours. Inside the correcting or retiring write, on the locked subject.
 */
import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { screenings, type Subject } from "@/db/schema";
import type { Loaded, Writer } from "../write/road";
import { SCREENING_STAGE, subjectStatusAfter } from "./rules";

export async function followLatestScreening(w: Writer, loaded: Loaded<"subject", unknown>, reason: string | null): Promise<Subject> {
  const subject = loaded.row;
  if (!SCREENING_STAGE.includes(subject.status)) return subject;
  const [latest] = await w.tx
    .select({ screeningStatus: screenings.screeningStatus })
    .from(screenings)
    .where(and(eq(screenings.subjectId, subject.id), isNull(screenings.retiredAt)))
    .orderBy(desc(screenings.screeningDate), desc(screenings.createdAt))
    .limit(1);
  const screeningStatus = latest?.screeningStatus ?? "pending";
  const status = subjectStatusAfter(subject.status, screeningStatus);
  if (screeningStatus === subject.screeningStatus && status === subject.status) return subject;
  return w.update(loaded, { screeningStatus, status }, { audit: "screening", reason });
}
