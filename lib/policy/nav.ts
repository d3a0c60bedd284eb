/**
 * Role homes and the role-aware navigation. Each entry is derived from decide() where an action
 * expresses it, so the menu cannot drift from what the server will actually allow.
 */
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { can, type Resource } from "./decide";

export const HOME_BY_ROLE: Record<Role, string> = {
  coordinator: "/",
  investigator: "/safety",
  sponsor: "/sponsor",
  admin: "/admin",
};

export type NavItem = { href: string; label: string };

/** "At my own site": a site-less actor gets a site-less resource, which only an admin can see. */
const ownSite = (actor: Actor): Resource => ({ siteId: actor.siteId });

// In display order: each role's home (or its special pages) first, then the shared registers.
const NAV: ReadonlyArray<NavItem & { show: (actor: Actor) => boolean }> = [
  { href: "/safety", label: "Safety review", show: (a) => can(a, "ae.assess", ownSite(a)) },
  // The de-identified study overview; no action singles it out, being a sponsor does.
  { href: "/sponsor", label: "Sponsor overview", show: (a) => a.status === "active" && a.role === "sponsor" },
  { href: "/admin", label: "Admin", show: (a) => can(a, "user.manage") },
  { href: "/audit", label: "Audit log", show: (a) => can(a, "audit.read") },
  // The dashboard and screening queue are site workbenches: for those who do the site's work.
  { href: "/", label: "Dashboard", show: (a) => can(a, "visit.update", ownSite(a)) },
  { href: "/screening", label: "Screening", show: (a) => can(a, "screening.record", ownSite(a)) },
  { href: "/tasks", label: "Tasks", show: (a) => can(a, "task.update", ownSite(a)) },
  { href: "/subjects", label: "Subjects", show: (a) => can(a, "subject.read") },
  { href: "/visits", label: "Visits", show: (a) => can(a, "visit.read") },
  { href: "/adverse-events", label: "Adverse events", show: (a) => can(a, "ae.read") },
];

export function navFor(actor: Actor | null): NavItem[] {
  if (!actor) return [];
  return NAV.filter((item) => item.show(actor)).map(({ href, label }) => ({ href, label }));
}

// The signed-in person's own settings, beside their name rather than among the registers.
const ACCOUNT_NAV: ReadonlyArray<NavItem & { show: (actor: Actor) => boolean }> = [
  { href: "/settings/notifications", label: "Notification settings", show: (a) => can(a, "preferences.manage") },
  { href: "/settings/tokens", label: "API tokens", show: (a) => can(a, "token.manage") },
  { href: "/settings/password", label: "Password", show: (a) => can(a, "password.change") },
];

export function accountNavFor(actor: Actor | null): NavItem[] {
  if (!actor) return [];
  return ACCOUNT_NAV.filter((item) => item.show(actor)).map(({ href, label }) => ({ href, label }));
}
