/**
 * An investigator e-signs a passed screening: "Eligibility confirmed". Same road as an AE
 * signature — re-entered password, same-site investigator (policy "screening.signEligibility"),
 * version check, sha-256 of the signed content, audited; a wrong password signs nothing and is
 * audited as "sign.failed".
 */
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { signEligibilitySchema } from "../validation/safety";
import { parseFor, write } from "../write/road";
import { screeningSignedContent } from "./content";
import { insertSignature } from "./insert";
import { liveSignature } from "./live";
import { withSigningChecks, type SigningSession } from "./password-check";

export async function signEligibility(actor: Actor, input: unknown, session: SigningSession = null) {
  const data = parseFor(actor, "screening.signEligibility", signEligibilitySchema, input);
  return withSigningChecks(actor, session, data, (confirm) =>
    write(actor, "screening.signEligibility", async (w) => {
      const { row: screening } = await w.load("screening", data.screeningId, {
        version: data.version,
        notFound: "Screening not found",
        conflict: "This screening changed after you opened it. Review the changes, then sign again.",
      });
      if (screening.screeningStatus !== "passed") throw new ValidationError("Only a passed screening's eligibility can be confirmed.");
      if (await liveSignature(w.tx, "screening", screening.id)) throw new ValidationError("Eligibility is already confirmed for this screening.");
      const target = { entity: "screening" as const, id: screening.id, siteId: screening.siteId, studyId: screening.studyId, subjectId: screening.subjectId };
      await confirm(w.tx, target);
      return insertSignature(w, target, "Eligibility confirmed", screeningSignedContent(screening));
    }),
  );
}
