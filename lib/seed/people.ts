/**
 * The demo's sites and accounts. Usernames are stable: the README, the start script and the
 * end-to-end tests sign in with them.
 */
import type { Role, UserStatus } from "@/db/schema";
import type { Region } from "./names";

export const DEMO_PASSWORD = "TrialDesk-demo-1";

export const SITE_KEYS = ["riverside", "lakeside"] as const;
export type SiteKey = (typeof SITE_KEYS)[number];

export type SiteDef = {
  key: SiteKey;
  name: string;
  timezone: string;
  region: Region;
  locations: readonly string[];
};

export const SITE_DEFS: readonly SiteDef[] = [
  {
    key: "riverside",
    name: "Riverside Clinical Research",
    timezone: "America/New_York",
    region: "us",
    locations: ["Exam Room 1", "Exam Room 2", "Infusion Suite", "Cardiac Testing Lab", "Phlebotomy"],
  },
  {
    key: "lakeside",
    name: "Lakeside Trials Unit",
    timezone: "Europe/London",
    region: "uk",
    locations: ["Clinic Room A", "Clinic Room B", "Phlebotomy Bay", "Day Case Unit", "Telephone visit"],
  },
];

export type UserDef = {
  username: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  site: SiteKey | null;
};

// Listed coordinators/investigators first per site: they take most of the seeded work.
export const USER_DEFS: readonly UserDef[] = [
  { username: "admin", displayName: "Morgan Ellis", role: "admin", status: "active", site: null },
  { username: "coordinator1", displayName: "Dana Whitfield", role: "coordinator", status: "active", site: "riverside" },
  { username: "investigator1", displayName: "Dr. Priya Raman", role: "investigator", status: "active", site: "riverside" },
  { username: "coordinator2", displayName: "Tom Ashworth", role: "coordinator", status: "active", site: "lakeside" },
  { username: "investigator2", displayName: "Dr. Helen McBride", role: "investigator", status: "active", site: "lakeside" },
  { username: "sponsor1", displayName: "Marcus Lindqvist", role: "sponsor", status: "active", site: null },
  { username: "newuser", displayName: "Jamie Novak", role: "coordinator", status: "pending", site: null },
  { username: "coordinator3", displayName: "Luis Ortega", role: "coordinator", status: "active", site: "riverside" },
  { username: "investigator3", displayName: "Dr. Samuel Okafor", role: "investigator", status: "active", site: "riverside" },
  { username: "coordinator4", displayName: "Fiona Campbell", role: "coordinator", status: "active", site: "lakeside" },
  { username: "investigator4", displayName: "Dr. Rajesh Iyer", role: "investigator", status: "active", site: "lakeside" },
  // A leaver: shows what a disabled account looks like in the admin pages.
  { username: "coordinator5", displayName: "Kevin Marsh", role: "coordinator", status: "disabled", site: "riverside" },
];

export const demoEmail = (username: string): string => `${username}@trialdesk.example`;

const siteName = (key: SiteKey | null): string =>
  SITE_DEFS.find((s) => s.key === key)?.name ?? "";

export type DemoAccount = {
  username: string;
  role: Role;
  status: UserStatus;
  /** The site, or what the account sees when it has none. */
  site: string;
  /** One line for the start script: role and where. */
  description: string;
};

const account = (username: string, role: Role, status: UserStatus, site: string, what: string): DemoAccount => ({
  username,
  role,
  status,
  site,
  description: what,
});

/** What the start script prints: the accounts worth signing in with. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account("admin", "admin", "active", "", "administrator (sites, users, studies, audit log)"),
  account("coordinator1", "coordinator", "active", siteName("riverside"), `coordinator at ${siteName("riverside")}`),
  account("investigator1", "investigator", "active", siteName("riverside"), `investigator at ${siteName("riverside")}`),
  account("coordinator2", "coordinator", "active", siteName("lakeside"), `coordinator at ${siteName("lakeside")}`),
  account("investigator2", "investigator", "active", siteName("lakeside"), `investigator at ${siteName("lakeside")}`),
  account("sponsor1", "sponsor", "active", "", "sponsor monitor, 2 studies (de-identified, read-only)"),
  account("newuser", "coordinator", "pending", "", "pending sign-up awaiting admin approval"),
];
