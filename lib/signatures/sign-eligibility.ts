/**
 * An investigator e-signs a passed screening: "Eligibility confirmed". Same road as an AE
 * signature — re-entered password, same-site investigator (policy "screening.signEligibility"),
 * version check, sha-256 of the signed content, audited; a wrong password signs nothing and is
 * audited as "sign.failed".
 */
import { and, eq, isNull } from "drizzle-orm";
import { screenings } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { signEligibilitySchema } from "../validation/safety";
import { transact } from "../write";
import { screeningSignedContent } from "./content";
import { insertSignature } from "./insert";
import { liveSignature } from "./live";
import { passwordMatches, withFailedSignatureAudit, WrongSignaturePassword } from "./password-check";

export async function signEligibility(actor: Actor, input: unknown) {
  authorize(actor, "screening.read");
  const data = parseOrThrow(signEligibilitySchema, input);
  return withFailedSignatureAudit(actor, () =>
    transact(async (tx) => {
      const [found] = await tx
        .select({ screening: screenings })
        .from(screenings)
        .where(and(eq(screenings.id, data.screeningId), isNull(screenings.retiredAt), scopeWhere(actor, screenings)))
        .for("update", { of: screenings })
        .limit(1);
      if (!found) throw new NotFoundError("Screening not found");
      const { screening } = found;
      authorize(actor, "screening.signEligibility", { siteId: screening.siteId, studyId: screening.studyId });
      if (screening.version !== data.version) {
        throw new ConflictError("This screening changed after you opened it. Review the changes, then sign again.", screening);
      }
      if (screening.screeningStatus !== "passed") throw new ValidationError("Only a passed screening's eligibility can be confirmed.");
      if (await liveSignature(tx, "screening", screening.id)) throw new ValidationError("Eligibility is already confirmed for this screening.");
      const target = { entity: "screening" as const, id: screening.id, siteId: screening.siteId, studyId: screening.studyId, subjectId: screening.subjectId };
      if (!(await passwordMatches(tx, actor, data.password))) throw new WrongSignaturePassword(target);
      return insertSignature(tx, actor, target, "Eligibility confirmed", screeningSignedContent(screening));
    }),
  );
}
