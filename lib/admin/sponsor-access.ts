/**
 * Which sponsor users may see a study (de-identified). Granting adds a row, or re-opens a revoked
 * one; revoking stamps revokedAt — rows are never deleted, so the access history stays on record.
 * The sponsor's next request reads the new list (lib/auth/load-actor.ts).
 */
import { and, eq } from "drizzle-orm";
import { studies, studySponsorAccess, users } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { NotFoundError, ValidationError } from "../errors";
import { authorize } from "../policy";
import { FIX_FIELDS } from "../subjects/rules";
import { sponsorAccessSchema } from "../validation/admin";
import { transact } from "../write";
import { recordStudyPartChange } from "./record-study-part";

type Access = typeof studySponsorAccess.$inferSelect;

export async function grantSponsorAccess(actor: Actor, input: unknown): Promise<Access> {
  authorize(actor, "study.manage");
  const data = parseOrThrow(sponsorAccessSchema, input);
  return transact(async (tx) => {
    const [study] = await tx.select({ id: studies.id, siteId: studies.siteId }).from(studies).where(eq(studies.id, data.studyId));
    if (!study) throw new NotFoundError("Study not found.");
    const [sponsor] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, data.userId), eq(users.role, "sponsor"), eq(users.status, "active")));
    if (!sponsor) throw new ValidationError(FIX_FIELDS, { userId: ["Choose an active sponsor account."] });
    const [before] = await tx
      .select()
      .from(studySponsorAccess)
      .where(and(eq(studySponsorAccess.studyId, data.studyId), eq(studySponsorAccess.userId, data.userId)))
      .for("update");
    if (before && !before.revokedAt) throw new ValidationError(FIX_FIELDS, { userId: ["This sponsor already has access."] });
    const values = { grantedById: actor.id, grantedAt: new Date(), revokedAt: null };
    const [after] = before
      ? await tx
          .update(studySponsorAccess)
          .set(values)
          .where(and(eq(studySponsorAccess.studyId, data.studyId), eq(studySponsorAccess.userId, data.userId)))
          .returning()
      : await tx.insert(studySponsorAccess).values({ ...data, ...values }).returning();
    await recordStudyPartChange(tx, actor, {
      entity: "study_sponsor_access",
      entityId: data.userId,
      study,
      action: "grant",
      before: before ?? null,
      after: after!,
    });
    return after!;
  });
}

export async function revokeSponsorAccess(actor: Actor, input: unknown): Promise<Access> {
  authorize(actor, "study.manage");
  const data = parseOrThrow(sponsorAccessSchema, input);
  return transact(async (tx) => {
    const [row] = await tx
      .select({ access: studySponsorAccess, siteId: studies.siteId })
      .from(studySponsorAccess)
      .innerJoin(studies, eq(studies.id, studySponsorAccess.studyId))
      .where(and(eq(studySponsorAccess.studyId, data.studyId), eq(studySponsorAccess.userId, data.userId)))
      .for("update", { of: studySponsorAccess });
    if (!row) throw new NotFoundError("No such grant.");
    if (row.access.revokedAt) throw new ValidationError("This access is already revoked.");
    const [after] = await tx
      .update(studySponsorAccess)
      .set({ revokedAt: new Date() })
      .where(and(eq(studySponsorAccess.studyId, data.studyId), eq(studySponsorAccess.userId, data.userId)))
      .returning();
    await recordStudyPartChange(tx, actor, {
      entity: "study_sponsor_access",
      entityId: data.userId,
      study: { id: data.studyId, siteId: row.siteId },
      action: "revoke",
      before: row.access,
      after: after!,
    });
    return after!;
  });
}
