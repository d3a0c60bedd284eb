/**
 * Which sponsor users may see a study (de-identified). Granting adds a row, or re-opens a revoked
 * one; revoking stamps revokedAt — rows are never deleted, so the access history stays on record.
 * The sponsor's next request reads the new list (lib/auth/load-actor.ts).
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { studySponsorAccess, users } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { FIX_FIELDS } from "../subjects/rules";
import { sponsorAccessSchema } from "../validation/admin";
import { parseFor, write } from "../write/road";

type Access = typeof studySponsorAccess.$inferSelect;

const grantOf = (g: { studyId: string; userId: string }) =>
  and(eq(studySponsorAccess.studyId, g.studyId), eq(studySponsorAccess.userId, g.userId))!;

export async function grantSponsorAccess(actor: Actor, input: unknown): Promise<Access> {
  const data = parseFor(actor, "study.manage", sponsorAccessSchema, input);
  return write(actor, "study.manage", async (w) => {
    const { tx } = w;
    const { row: study } = await w.load("study", data.studyId, { lock: "share", notFound: "Study not found." });
    const [sponsor] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, data.userId), eq(users.role, "sponsor"), eq(users.status, "active")));
    if (!sponsor) throw new ValidationError(FIX_FIELDS, { userId: ["Choose an active sponsor account."] });
    const [before] = await w.loadWhere("study_sponsor_access", grantOf(data));
    if (before && !before.row.revokedAt) throw new ValidationError(FIX_FIELDS, { userId: ["This sponsor already has access."] });
    const values = { grantedById: actor.id, grantedAt: new Date(), revokedAt: null };
    // Audited as a part of the study, on the study's site; the live event announces the study.
    const audit = { audit: "grant", entityId: data.userId, siteId: study.siteId };
    return before ? w.update(before, values, audit) : w.insert("study_sponsor_access", { ...data, ...values }, audit);
  });
}

export async function revokeSponsorAccess(actor: Actor, input: unknown): Promise<Access> {
  const data = parseFor(actor, "study.manage", sponsorAccessSchema, input);
  return write(actor, "study.manage", async (w) => {
    const [grant] = await w.loadWhere("study_sponsor_access", grantOf(data));
    if (!grant) throw new NotFoundError("No such grant.");
    if (grant.row.revokedAt) throw new ValidationError("This access is already revoked.");
    const { row: study } = await w.load("study", data.studyId, { lock: "none" });
    return w.update(grant, { revokedAt: new Date() }, { audit: "revoke", entityId: data.userId, siteId: study.siteId });
  });
}
