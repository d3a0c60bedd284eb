/**
 * For the API tests of the administration's resources: everyone but an administrator — a
 * coordinator, an investigator, a sponsor — is refused each call with 403, and nothing is written
 * (no audit event, site, study, schedule item or sponsor grant: tests/fixtures-admin.ts adminCounts).
 */
import { expect } from "vitest";
import { adminCounts } from "@/tests/fixtures-admin";
import type { TwoSites } from "@/tests/fixtures";
import { statuses } from "./both-transports";
import { tokenFor } from "./client";

/** `calls(token, username)`: the calls one non-administrator makes, each expected to be a 403. */
export async function expectAdminOnly(f: TwoSites, calls: (token: string, username: string) => Promise<{ status: number }>[]) {
  const { coordA, invA, sponsor } = f.users;
  // Signing in is audited: every caller's token is made before the counts are taken.
  const callers = await Promise.all([coordA, invA, sponsor].map(async (u) => ({ username: u.username, token: await tokenFor(u.id) })));
  const before = await adminCounts();
  for (const { username, token } of callers) {
    const sent = calls(token, username);
    expect(await statuses(sent), username).toEqual(sent.map(() => 403));
  }
  expect(await adminCounts()).toEqual(before);
}
