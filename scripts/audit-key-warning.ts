/** For the audit CLI tools: say so when the development AUDIT_KEY is in use (db/audit-key.ts). */
export function warnAboutDevelopmentKey(): void {
  if (process.env.DATABASE_URL && !process.env.AUDIT_KEY) {
    console.error(
      "Warning: AUDIT_KEY is not set, so the development default key is used. A production trail (keyed with its own AUDIT_KEY) will not verify with it.",
    );
  }
}
