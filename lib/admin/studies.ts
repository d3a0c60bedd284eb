/**
 * Creating and editing studies (protocol ID, title, ClinicalTrials.gov status, principal
 * investigator, site). Admin only (study.manage). A study whose status is suspended, completed,
 * terminated or withdrawn takes no new subjects or enrollments: lib/subjects/rules.ts studyIsOpen().
 */
import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { sites, studies, subjects, users, type Study } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { authorize } from "../policy";
import { FieldProblems, FIX_FIELDS } from "../subjects/rules";
import { createStudySchema, updateStudySchema } from "../validation/admin";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";

const PROTOCOL_TAKEN = new ValidationError(FIX_FIELDS, { protocolId: ["This site already has a study with this protocol ID."] });

/** The study itself is its own study for the audit log's and live events' study filter. */
const audited = (s: Study) => ({ ...s, studyId: s.id });

/** The site must exist and the PI must be one of its active investigators (the FK alone allows any role). */
async function checkSiteAndPi(tx: Tx, problems: FieldProblems, siteId: string, piId: string) {
  const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
  if (!site) {
    problems.add("siteId", "Choose an existing site.");
    return;
  }
  const [pi] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, piId), eq(users.siteId, siteId), eq(users.role, "investigator"), eq(users.status, "active")));
  if (!pi) problems.add("principalInvestigatorId", "Choose an active investigator of this study's site.");
}

export async function createStudy(actor: Actor, input: unknown): Promise<Study> {
  authorize(actor, "study.manage");
  const data = parseOrThrow(createStudySchema, input);
  try {
    return await transact(async (tx) => {
      const problems = new FieldProblems();
      await checkSiteAndPi(tx, problems, data.siteId, data.principalInvestigatorId);
      problems.throwIfAny();
      const [created] = await tx.insert(studies).values(data).returning();
      await recordChange(tx, actor, { entity: "study", action: "create", before: null, after: audited(created!) });
      return created!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw PROTOCOL_TAKEN;
    throw error;
  }
}

export async function updateStudy(actor: Actor, input: unknown): Promise<Study> {
  authorize(actor, "study.manage");
  const { id, version, ...values } = parseOrThrow(updateStudySchema, input);
  try {
    return await transact(async (tx) => {
      const problems = new FieldProblems();
      await checkSiteAndPi(tx, problems, values.siteId, values.principalInvestigatorId);
      // Subjects, visits and AEs are bound to the study's site; moving it would orphan them.
      const [elsewhere] = await tx
        .select({ id: subjects.id })
        .from(subjects)
        .where(and(eq(subjects.studyId, id), ne(subjects.siteId, values.siteId)))
        .limit(1);
      if (elsewhere) problems.add("siteId", "A study with subjects cannot move to another site.");
      problems.throwIfAny();
      const { before, after } = await updateVersioned(tx, studies, id, version, values);
      await recordChange(tx, actor, { entity: "study", action: "update", before: audited(before), after: audited(after) });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw PROTOCOL_TAKEN;
    throw error;
  }
}
