/**
 * Creating and editing studies (protocol ID, title, ClinicalTrials.gov status, principal
 * investigator, site). Admin only (study.manage). A study whose status is suspended, completed,
 * terminated or withdrawn takes no new subjects or enrollments: lib/subjects/rules.ts studyIsOpen().
 */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { sites, subjects, users, type Study } from "@/db/schema";
import type { Actor } from "../actor";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { FieldProblems, FIX_FIELDS } from "../subjects/rules";
import { createStudySchema, updateStudySchema } from "../validation/admin";
import { parseFor, write } from "../write/road";

const PROTOCOL_TAKEN = new ValidationError(FIX_FIELDS, { protocolId: ["This site already has a study with this protocol ID."] });

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
  const data = parseFor(actor, "study.manage", createStudySchema, input);
  try {
    return await write(actor, "study.manage", async (w) => {
      const problems = new FieldProblems();
      await checkSiteAndPi(w.tx, problems, data.siteId, data.principalInvestigatorId);
      problems.throwIfAny();
      return w.insert("study", data);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw PROTOCOL_TAKEN;
    throw error;
  }
}

export async function updateStudy(actor: Actor, input: unknown): Promise<Study> {
  const { id, version, ...sent } = parseFor(actor, "study.manage", updateStudySchema, input);
  try {
    return await write(actor, "study.manage", async (w) => {
      const { tx } = w;
      const loaded = await w.load("study", id, { version });
      // What was not sent keeps its value (merged on the locked row, so nothing moves under us).
      const { protocolId, title, status, principalInvestigatorId, siteId } = loaded.row;
      const values = { protocolId, title, status, principalInvestigatorId, siteId, ...withoutUndefined(sent) };
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
      return w.update(loaded, values, { audit: "update" });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw PROTOCOL_TAKEN;
    throw error;
  }
}

const withoutUndefined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
