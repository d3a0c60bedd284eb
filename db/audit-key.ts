/**
 * AUDIT_KEY, the key of the audit trail's HMAC chain (drizzle/0005_audit_key.sql). It lives outside
 * the database on purpose: whoever can rewrite `audit_events` (its owner, a superuser, someone with
 * a copy of the files or a dump) cannot recompute the hashes after a change without it.
 *
 * Where it comes from:
 * - `AUDIT_KEY` set → that (at least 32 characters; `openssl rand -base64 32` makes one).
 * - the embedded database → generated once into `.data/audit-key` (beside the default data
 *   directory; a `TRIALDESK_PGLITE_DIR` of `<dir>` gets `<dir>.audit-key`), as start.mjs does for
 *   AUTH_SECRET. Keep that file with the data — without it the chain cannot be verified.
 * - PostgreSQL with NODE_ENV=production (`next start`) → required: opening the database fails with
 *   a message saying so, before anything is served.
 * - PostgreSQL otherwise (next dev, vitest, CLI tools), or a demo database (TRIALDESK_DEMO=1, whose
 *   accounts' password is published anyway: e2e, load and live tests) → DEV_AUDIT_KEY, a published
 *   constant. It keeps a developer's database and the tests working with nothing to configure; a
 *   chain keyed with it proves nothing, which is why production refuses it. CLI tools warn when
 *   they use it.
 *
 * The database gets the key per session as the setting `trialdesk.audit_hmac`: the two HMAC pads
 * (key ⊕ 0x36…, key ⊕ 0x5c…; hex, inner then outer), so SQL can compute standard HMAC-SHA256 with
 * the built-in sha256() and no extension. It is a startup parameter of the app's own connections
 * (never stored, never in a query's text).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const AUDIT_KEY_SETTING = "trialdesk.audit_hmac";
export const DEV_AUDIT_KEY = "trialdesk-development-audit-key--not-a-secret";
const MIN_LENGTH = 32;

export class AuditKeyError extends Error {}

export type AuditKey = { key: string; source: "AUDIT_KEY" | "file" | "development default"; file?: string };

/** Where the embedded database at `dataDir` keeps its generated key. */
export function auditKeyFile(dataDir: string): string {
  const defaultDir = path.join(process.cwd(), ".data", "pglite");
  return path.resolve(dataDir) === defaultDir ? path.join(process.cwd(), ".data", "audit-key") : `${path.resolve(dataDir)}.audit-key`;
}

function fromEnv(): AuditKey | undefined {
  const key = process.env.AUDIT_KEY;
  if (key === undefined || key === "") return undefined;
  if (key.length < MIN_LENGTH) {
    throw new AuditKeyError(`AUDIT_KEY is too short (${key.length} characters; at least ${MIN_LENGTH}). Generate one with: openssl rand -base64 32`);
  }
  return { key, source: "AUDIT_KEY" };
}

/** The key for the embedded database at `dataDir`: AUDIT_KEY, else its key file (created once). */
export function embeddedAuditKey(dataDir: string): AuditKey {
  const env = fromEnv();
  if (env) return env;
  const file = auditKeyFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // wx: two processes racing to create it keep the first one's key.
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return { key: fs.readFileSync(file, "utf8").trim(), source: "file", file };
}

/**
 * The key for PostgreSQL: AUDIT_KEY; required in production (or when `production` says the caller
 * prepares a production server: scripts/prepare.ts), else the development default.
 */
export function postgresAuditKey(opts: { production?: boolean } = {}): AuditKey {
  const env = fromEnv();
  if (env) return env;
  if ((opts.production || process.env.NODE_ENV === "production") && process.env.TRIALDESK_DEMO !== "1") {
    throw new AuditKeyError(
      "AUDIT_KEY is not set. On PostgreSQL in production the audit trail's HMAC key must come from the environment " +
        "(at least 32 characters, e.g. `openssl rand -base64 32`), kept outside the database and the same on every app instance. See README, \"Audit trail in production\".",
    );
  }
  return { key: DEV_AUDIT_KEY, source: "development default" };
}

/** The value of `trialdesk.audit_hmac` for `key`: hex(key ⊕ ipad) + hex(key ⊕ opad), 64 bytes each. */
export function hmacPads(key: string): string {
  let bytes = Buffer.from(key, "utf8");
  if (bytes.length > 64) bytes = crypto.createHash("sha256").update(bytes).digest();
  const block = Buffer.alloc(64);
  bytes.copy(block);
  const inner = Buffer.from(block.map((b) => b ^ 0x36));
  const outer = Buffer.from(block.map((b) => b ^ 0x5c));
  return inner.toString("hex") + outer.toString("hex");
}

/** Startup parameters that give a postgres.js connection the key. */
export function auditKeyConnection(key: AuditKey): Record<string, string> {
  return { [AUDIT_KEY_SETTING]: hmacPads(key.key) };
}

/** The SQL that gives an already open session (PGlite) the key; the value is hex, so it needs no escaping. */
export function setAuditKeyStatement(key: AuditKey): string {
  return `SET ${AUDIT_KEY_SETTING} = '${hmacPads(key.key)}'`;
}
