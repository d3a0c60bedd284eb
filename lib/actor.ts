import type { Role, UserStatus } from "@/db/schema";

/**
 * The person (or API client acting for them) behind a request, as re-read from the database on
 * every request by requireActor(): a session's claims are a hint, never the truth.
 */
export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  /** Coordinators and investigators are bound to one site; sponsors and admins to none. */
  siteId: string | null;
  siteName: string | null;
  siteTimezone: string | null;
  /** For sponsors: the studies an admin granted them (not revoked). Empty for everyone else. */
  sponsorStudyIds: readonly string[];
};
