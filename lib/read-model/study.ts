/** Studies: nothing about a study identifies a person (its investigator is staff). */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { sites, studies } from "@/db/schema";
import type { Actor } from "../actor";
import { joinTo } from "./joins";
import { includes, readModel } from "./model";
import { personInclude, principalInvestigator } from "./user";

export const studyModel = readModel({ audit: "study", read: "study.read", columns: getTableColumns(studies), identifying: {} });

/** A study embedded in another record. */
export const STUDY_EMBED = ["id", "protocolId", "title", "status", "siteId"] as const;
export const studyEmbed = (actor: Actor) => studyModel.pick(actor, STUDY_EMBED);

export const studyIncludes = includes({
  principalInvestigator: personInclude(joinTo(principalInvestigator, studies.principalInvestigatorId)),
  // Every study read joins its site (for the name), so embedding it adds no join.
  site: { fields: () => ({ id: sites.id, name: sites.name, timezone: sites.timezone }) },
});
