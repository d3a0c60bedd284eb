import { z } from "zod";
import { sponsorAccessSchema } from "../../../validation/admin";
import { withoutId } from "../../http/command";
import { instant, uuid } from "../common";

/** A sponsor account's access to a study. Revoking keeps the grant, with its times, as history. */
export const SponsorAccess = z
  .object({
    studyId: uuid,
    userId: uuid.describe("The sponsor account."),
    grantedById: uuid.nullable(),
    grantedAt: instant,
    revokedAt: instant.nullable().describe("Null while the grant stands."),
  })
  .meta({ id: "SponsorAccess" });

/** `{ userId }`: the sponsor; the path carries the study. */
export const SponsorAccessInput = withoutId(sponsorAccessSchema, "studyId").meta({ id: "SponsorAccessInput" });

type Grant = { studyId: string; userId: string; grantedById: string | null; grantedAt: Date; revokedAt: Date | null };

/** A grant as the API answers with it (what the lib saved). */
export const sponsorAccessOf = (saved: unknown) => {
  const { studyId, userId, grantedById, grantedAt, revokedAt } = saved as Grant;
  return { studyId, userId, grantedById, grantedAt: grantedAt.toISOString(), revokedAt: revokedAt?.toISOString() ?? null };
};
