/**
 * How the dispatcher hands one email to the outside world: nodemailer over SMTP (SMTP_URL), behind
 * a two-method interface so the dispatcher has one seam — the tests pass a transport to a real SMTP
 * server they start themselves, never a mock.
 */
import "server-only";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export type OutgoingMail = { id: string; from: string; to: string; subject: string; text: string; html: string };

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects with the server's or network's error. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * nodemailer's own timeouts (2 min to connect, 10 min of socket silence) would outlive the
 * dispatcher's lease on a claimed row, and another instance could then send it again; these keep
 * one send well inside it. A `?connectionTimeout=…` in SMTP_URL still overrides them.
 */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

/** One connection per message (no pool): a site's notification mail is a few messages a minute. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS } satisfies SMTPTransport.Options);
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Stable per outbox row: if a send is repeated (accepted, then the instance died before
        // marking it sent), receiving systems can tell the copies are one message.
        messageId: `<outbox-${mail.id}@${senderDomain(mail.from)}>`,
      });
    },
    close: () => transporter.close(),
  };
}

function senderDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "trialdesk.invalid";
}

/** What `last_error` may hold: one line of at most this many characters. */
export const ERROR_TEXT_MAX = 300;

/**
 * An error as the admin page shows it: one short line, with the SMTP credentials taken out — any
 * `scheme://user:pass@` becomes `scheme://***@`, and SMTP_URL's password is blanked wherever it
 * appears (a server may echo what it was sent). Security wins over readability: a short password
 * blanks every occurrence of its letters.
 */
export function safeErrorText(error: unknown, smtpUrl: string | null): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = e && typeof e.message === "string" ? e.message : String(error);
  const code = e && typeof e.code === "string" && !message.includes(e.code) ? `${e.code}: ` : "";
  let text = `${code}${message}`.replace(/\s+/g, " ").trim();
  text = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, "$1***@");
  for (const secret of secretsOf(smtpUrl)) text = text.split(secret).join("***");
  return text.length > ERROR_TEXT_MAX ? `${text.slice(0, ERROR_TEXT_MAX - 1)}…` : text;
}

function secretsOf(smtpUrl: string | null): string[] {
  if (!smtpUrl) return [];
  try {
    const raw = new URL(smtpUrl).password;
    if (!raw) return [];
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      // a malformed escape: the raw form is all there is
    }
    // Longest first, so blanking one form does not leave a part of the other.
    return [...new Set([decoded, raw])].sort((a, b) => b.length - a.length);
  } catch {
    return [];
  }
}
