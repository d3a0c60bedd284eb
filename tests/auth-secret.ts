/** For a test file: AUTH_SECRET set (what `npm start` always provides) while its tests run, restored after. */
import { afterAll, beforeAll } from "vitest";

export function withAuthSecret(secret = "test-auth-secret-0123456789abcdef"): void {
  const previous = process.env.AUTH_SECRET;
  beforeAll(() => {
    process.env.AUTH_SECRET = secret;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = previous;
  });
}
