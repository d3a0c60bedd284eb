/**
 * An investigator e-signs an assessed AE: "Reviewed and assessed". The password is re-entered;
 * the signature covers the version the investigator was looking at (a newer version is a
 * conflict, so nobody signs what they have not seen). One live signature per AE (unique index).
 */
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { signAdverseEventSchema } from "../validation/safety";
import { parseFor, write } from "../write/road";
import { aeSignedContent } from "./content";
import { insertSignature } from "./insert";
import { liveSignature } from "./live";
import { withSigningChecks, type SigningSession } from "./password-check";

export async function signAdverseEvent(actor: Actor, input: unknown, session: SigningSession = null) {
  const data = parseFor(actor, "ae.sign", signAdverseEventSchema, input);
  return withSigningChecks(actor, session, data, (confirm) =>
    write(actor, "ae.sign", async (w) => {
      const { row: ae } = await w.load("adverse_event", data.id, {
        version: data.version,
        notFound: "Adverse event not found",
        conflict: "This adverse event changed after you opened it. Review the changes, then sign again.",
      });
      if (!ae.assessedAt) throw new ValidationError("Assess the adverse event before signing it.");
      if (await liveSignature(w.tx, "adverse_event", ae.id)) throw new ValidationError("This adverse event is already signed.");
      const target = { entity: "adverse_event" as const, id: ae.id, siteId: ae.siteId, studyId: ae.studyId, subjectId: ae.subjectId };
      await confirm(w.tx, target);
      return insertSignature(w, target, "Reviewed and assessed", aeSignedContent(ae));
    }),
  );
}
