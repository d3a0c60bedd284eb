/**
 * Passwords re-entered inside a session share one counter in the login throttle (issue 12,
 * finding 5): wrong signing passwords, wrong current passwords and wrong token-creation passwords
 * add up, and five in 15 minutes lock all three — so a stolen session cannot guess the password
 * through whichever form is not locked yet.
 */
import { describe, expect, it } from "vitest";
import { createPersonalToken } from "@/lib/api/tokens";
import { FIXTURE_PASSWORD, withTwoSites } from "@/tests/fixtures";
import { RateLimitedError, ValidationError } from "../errors";
import { changeOwnPassword } from "../users/password-change";
import { PAIR_LIMIT } from "./credentials";

const f = withTwoSites();

describe("re-entered passwords", () => {
  it("token creation and password change count together and lock together (signing shares the counter)", async () => {
    const me = await f.actor(f.users.coordA.id);
    const token = (password: string) => createPersonalToken(me, { name: "Script", password });
    const change = (currentPassword: string) => changeOwnPassword(me, { currentPassword, password: "another-password-9", confirmPassword: "another-password-9" }, null);
    // A right password gives its slot back: it was no guess.
    await token(FIXTURE_PASSWORD);
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      await expect(i % 2 ? token(`wrong-${i}`) : change(`wrong-${i}`)).rejects.toBeInstanceOf(ValidationError);
    }
    const lockedToken = await token(FIXTURE_PASSWORD).catch((e) => e);
    expect(lockedToken).toBeInstanceOf(RateLimitedError);
    expect(lockedToken.message).toMatch(/^Too many wrong passwords: creating a token is locked\. Try again in \d+ minutes?/);
    await expect(change(FIXTURE_PASSWORD)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
