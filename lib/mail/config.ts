/**
 * Mail settings, read from the environment (README, "Email"):
 *   SMTP_URL   smtp://user:pass@host:587 (smtps:// for implicit TLS); unset: nothing is sent
 *   MAIL_FROM  the sender, e.g. "TrialDesk <trialdesk@example.org>"
 *   APP_URL    the address people open TrialDesk at, for links in mail
 * Read at each use, so tests and a restarted dispatcher see the current values.
 */
export type MailConfig = { smtpUrl: string | null; from: string; appUrl: string };

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  return {
    smtpUrl,
    from: env.MAIL_FROM?.trim() || "TrialDesk <no-reply@trialdesk.invalid>",
    appUrl: (env.APP_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
  };
}
