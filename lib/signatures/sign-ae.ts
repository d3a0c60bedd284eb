/**
 * An investigator e-signs an assessed AE: "Reviewed and assessed". The password is re-entered;
 * the signature covers the version the investigator was looking at (a newer version is a
 * conflict, so nobody signs what they have not seen). One live signature per AE (unique index).
 */
import { and, eq, isNull } from "drizzle-orm";
import { adverseEvents, type AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { authorize, scopeWhere } from "../policy";
import { signAdverseEventSchema } from "../validation/safety";
import { transact } from "../write";
import { aeSignedContent } from "./content";
import { insertSignature } from "./insert";
import { liveSignature } from "./live";
import { passwordMatches, withFailedSignatureAudit, WrongSignaturePassword } from "./password-check";

export async function signAdverseEvent(actor: Actor, input: unknown) {
  authorize(actor, "ae.read");
  const data = parseOrThrow(signAdverseEventSchema, input);
  return withFailedSignatureAudit(actor, () =>
    transact(async (tx) => {
      const [found] = await tx
        .select({ ae: adverseEvents })
        .from(adverseEvents)
        .where(and(eq(adverseEvents.id, data.id), isNull(adverseEvents.retiredAt), scopeWhere(actor, adverseEvents)))
        .for("update", { of: adverseEvents })
        .limit(1);
      if (!found) throw new NotFoundError("Adverse event not found");
      const ae: AdverseEvent = found.ae;
      authorize(actor, "ae.sign", { siteId: ae.siteId, studyId: ae.studyId });
      if (ae.version !== data.version) {
        throw new ConflictError("This adverse event changed after you opened it. Review the changes, then sign again.", ae);
      }
      if (!ae.assessedAt) throw new ValidationError("Assess the adverse event before signing it.");
      if (await liveSignature(tx, "adverse_event", ae.id)) throw new ValidationError("This adverse event is already signed.");
      const target = { entity: "adverse_event" as const, id: ae.id, siteId: ae.siteId, studyId: ae.studyId, subjectId: ae.subjectId };
      if (!(await passwordMatches(tx, actor, data.password))) throw new WrongSignaturePassword(target);
      return insertSignature(tx, actor, target, "Reviewed and assessed", aeSignedContent(ae));
    }),
  );
}
