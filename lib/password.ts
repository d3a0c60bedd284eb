/** Password hashing (argon2id). Plain passwords live only in the request that carries them. */
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN_LENGTH = 12;

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed hash is a failed check, never a crash
  }
}

/** Verifying against this keeps the time of "no such user" equal to "wrong password". */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-0000");
  return dummyHash;
}
