/**
 * An actor of a role for the policy's own tests, which need no database: a coordinator or
 * investigator works at `site`, a sponsor is granted `sponsorStudyIds`, an admin has neither.
 */
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/actor";

type Place = { id: string; site: { id: string; name: string; timezone: string }; sponsorStudyIds: string[] };

export function roleActor(role: Role, place: Place, overrides: Partial<Actor> = {}): Actor {
  const siteBound = role === "coordinator" || role === "investigator";
  return {
    id: place.id,
    username: `${role}1`,
    displayName: `A ${role}`,
    role,
    status: "active",
    siteId: siteBound ? place.site.id : null,
    siteName: siteBound ? place.site.name : null,
    siteTimezone: siteBound ? place.site.timezone : null,
    sponsorStudyIds: role === "sponsor" ? place.sponsorStudyIds : [],
    ...overrides,
  };
}
