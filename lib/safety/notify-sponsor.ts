/**
 * "Sponsor notified": records when the site told the sponsor of a serious AE (the database clock),
 * which stops its 24-hour clock. Coordinators and investigators may (policy "ae.notifySponsor").
 * Recorded once: a second press is a conflict-free refusal, not a new time.
 */
import type { AdverseEvent } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { notifySponsorSchema } from "../validation/safety";
import { DB_NOW } from "../write/entities";
import { parseFor, write } from "../write/road";

export async function markSponsorNotified(actor: Actor, input: unknown): Promise<AdverseEvent> {
  const data = parseFor(actor, "ae.notifySponsor", notifySponsorSchema, input);
  return write(actor, "ae.notifySponsor", async (w) => {
    const loaded = await w.load("adverse_event", data.id, { notFound: "Adverse event not found" });
    const before = loaded.row;
    if (!before.serious) throw new ValidationError("Only a serious adverse event has a sponsor notification clock.");
    if (before.sponsorNotifiedAt) throw new ValidationError("The sponsor notification is already recorded.");
    w.assertVersion(loaded, data.version, "Someone else saved this adverse event after you opened it. Review it, then try again.");
    return w.update(loaded, { sponsorNotifiedAt: DB_NOW }, { audit: "notify_sponsor" });
  });
}
