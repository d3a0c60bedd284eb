/**
 * The signature components of an e-signature (21 CFR 11.200(a)(1)): the first signing of a
 * continuous session gives both — username and password — and later ones the password; a signing
 * outside such a session (every API call) gives both each time. A wrong component signs nothing and
 * leaves an audit row "sign.failed" — written in its own transaction, because the signing
 * transaction rolls back — and counts in the login throttle (takeReentrySlot): five failures in
 * fifteen minutes lock signing (429, with how long to wait), whatever the session.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "../actor";
import { giveBackReentrySlot, reentryLockMessage, takeReentrySlot } from "../auth/credentials";
import { markSessionSigned, sessionHasSigned } from "../auth/sessions";
import { RateLimitedError, ValidationError } from "../errors";
import { verifyPassword } from "../password";
import { recordEvent } from "../write/road";
import type { SignatureEntity } from "./void";

export const WRONG_PASSWORD = "The password is not correct. Nothing was signed.";
export const WRONG_CREDENTIALS = "The username or password is not correct. Nothing was signed.";
export const USERNAME_NEEDED = "Enter your username: the first signature of a session asks for both your username and password.";

/**
 * Where a signing happens: the web session it is part of (its later signatures ask only for the
 * password), or null — the API, where each signature stands alone and gives both.
 */
export type SigningSession = { id: string } | null;

type Components = { username?: string; password: string };
type Target = { entity: SignatureEntity; id: string; siteId: string };

/** Thrown out of the signing transaction; audited afterwards, once it has rolled back. */
export class WrongSignaturePassword extends ValidationError {
  constructor(
    readonly target: Target,
    withUsername: boolean,
  ) {
    const message = withUsername ? WRONG_CREDENTIALS : WRONG_PASSWORD;
    super(message, withUsername ? { username: [message], password: [message] } : { password: [message] });
  }
}

/** True when the password matches the signer's stored hash (read inside the signing transaction). */
async function passwordMatches(tx: Tx, actor: Actor, password: string): Promise<boolean> {
  const [row] = await tx.select({ hash: users.password }).from(users).where(eq(users.id, actor.id)).limit(1);
  return row ? verifyPassword(row.hash, password) : false;
}

/** Checks the components inside the signing transaction, just before the signature is written. */
export type ConfirmSigner = (tx: Tx, target: Target) => Promise<void>;

/**
 * Runs a signing: refused at once while signing is locked; `sign` calls `confirm` once it knows
 * what is signed. A wrong component is audited and keeps its throttle slot; anything else gives
 * the slot back (it was not a guess).
 */
export async function withSigningChecks<T>(actor: Actor, session: SigningSession, components: Components, sign: (confirm: ConfirmSigner) => Promise<T>): Promise<T> {
  const wait = await takeReentrySlot(actor, "sign.locked");
  if (wait !== null) throw new RateLimitedError(reentryLockMessage("signing", wait), wait);
  const confirm: ConfirmSigner = async (tx, target) => {
    const both = session === null || !(await sessionHasSigned(tx, session.id, actor.id));
    if (both && !components.username) throw new ValidationError(USERNAME_NEEDED, { username: [USERNAME_NEEDED] });
    const given = components.username;
    const usernameOk = given === undefined || given.toLowerCase() === actor.username.toLowerCase();
    // The password is checked whatever the username, so a wrong name costs the same time.
    const passwordOk = await passwordMatches(tx, actor, components.password);
    if (!usernameOk || !passwordOk) throw new WrongSignaturePassword(target, both || given !== undefined);
    if (session) await markSessionSigned(tx, session.id);
  };
  try {
    const result = await sign(confirm);
    await giveBackReentrySlot(actor.username);
    return result;
  } catch (error) {
    if (error instanceof WrongSignaturePassword) {
      await recordEvent({
        actor,
        siteId: error.target.siteId,
        entity: error.target.entity,
        entityId: error.target.id,
        action: "sign.failed",
        changes: {},
        reason: error.message === WRONG_CREDENTIALS ? "Wrong username or password at signing" : "Wrong password at signing",
      });
    } else {
      await giveBackReentrySlot(actor.username);
    }
    throw error;
  }
}
