/**
 * Adverse events as the API returns them: one site-scoped query per page, embeds and the live
 * signature joined in. Sponsors read the same AE fields as the web app shows them (none is free
 * text about the subject); the embedded subject is de-identified in SQL.
 */
import "server-only";
import { eq, gte, lte } from "drizzle-orm";
import { adverseEvents } from "@/db/schema";
import { adverseEventIncludes, adverseEventJoins, adverseEventModel, aeSignature } from "../../../read-model/adverse-event";
import { visibleTo } from "../../../read-model/visible";
import { hasLiveSignature } from "../../../signatures/live";
import { listFilters, resourceReader } from "../../resource-reader";
import { AE_FIELDS, AE_ORDER, type AdverseEventListQuery } from "./schema";

export const adverseEventReader = resourceReader(adverseEventModel, AE_FIELDS, {
  noun: "adverse event",
  order: AE_ORDER,
  computed: () => ({
    signed: hasLiveSignature("adverse_event", adverseEvents.id),
    signedAt: aeSignature.signedAt,
    signedById: aeSignature.signerId,
    signedBy: aeSignature.printedName,
  }),
  joins: { left: adverseEventJoins.signature },
  includes: adverseEventIncludes,
  scope: (actor, retired) => visibleTo(actor, adverseEvents, { retired }),
  filters: listFilters<AdverseEventListQuery>()({
    studyId: (v) => eq(adverseEvents.studyId, v),
    subjectId: (v) => eq(adverseEvents.subjectId, v),
    serious: (v) => eq(adverseEvents.serious, v),
    status: (v) => eq(adverseEvents.status, v),
    severity: (v) => eq(adverseEvents.severity, v),
    onsetFrom: (v) => gte(adverseEvents.onsetDate, v),
    onsetTo: (v) => lte(adverseEvents.onsetDate, v),
  }),
});
