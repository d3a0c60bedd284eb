/**
 * The re-entered password of an e-signature (21 CFR 11.200(a)(1): both components at each signing
 * outside a continuous session of signings). A wrong password signs nothing and leaves an audit
 * row "sign.failed" — written in its own transaction, because the signing transaction rolls back.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { verifyPassword } from "../password";
import { recordEvent } from "../write/road";
import type { SignatureEntity } from "./void";

export const WRONG_PASSWORD = "The password is not correct. Nothing was signed.";

/** True when the password matches the signer's stored hash (read inside the signing transaction). */
export async function passwordMatches(tx: Tx, actor: Actor, password: string): Promise<boolean> {
  const [row] = await tx.select({ hash: users.password }).from(users).where(eq(users.id, actor.id)).limit(1);
  return row ? verifyPassword(row.hash, password) : false;
}

/** Thrown out of the signing transaction; the caller audits it afterwards with auditFailedSignature. */
export class WrongSignaturePassword extends ValidationError {
  constructor(readonly target: { entity: SignatureEntity; id: string; siteId: string }) {
    super(WRONG_PASSWORD, { password: [WRONG_PASSWORD] });
  }
}

/** Runs a signing; a wrong password is audited after its transaction rolled back, then rethrown. */
export async function withFailedSignatureAudit<T>(actor: Actor, sign: () => Promise<T>): Promise<T> {
  try {
    return await sign();
  } catch (error) {
    if (error instanceof WrongSignaturePassword) {
      await recordEvent({
        actor,
        siteId: error.target.siteId,
        entity: error.target.entity,
        entityId: error.target.id,
        action: "sign.failed",
        changes: {},
        reason: "Wrong password at signing",
      });
    }
    throw error;
  }
}
