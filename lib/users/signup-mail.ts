/**
 * The emails a sign-up sends to the address it names (lib/users/signup.ts). The form answers every
 * sign-up alike, so what happened is told here, to the mailbox's owner only: the request was
 * received, or the address already has an account, or the username was taken. Like every TrialDesk
 * email (lib/mail/compose.ts), no name or other typed text goes in: not even the username asked for.
 */
import { mailConfig } from "../mail/config";
import type { ComposedMail } from "../mail/compose";

export type SignupOutcome = "received" | "email-in-use" | "username-taken";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const TEXT: Record<SignupOutcome, { subject: string; paragraphs: (appUrl: string) => string[] }> = {
  received: {
    subject: "TrialDesk: your account request was received",
    paragraphs: () => [
      "We received a request for a TrialDesk account with this email address.",
      "An administrator confirms your role and site before you can see study data; you can sign in once they have.",
      "If you did not ask for an account, tell your TrialDesk administrator.",
    ],
  },
  "email-in-use": {
    subject: "TrialDesk: someone tried to sign up with your email address",
    paragraphs: (appUrl) => [
      "Someone asked for a new TrialDesk account with this email address, which already has an account. No second account was created and nothing about yours changed.",
      `If it was you, sign in with your existing account at ${appUrl}/login, or ask your administrator to reset your password.`,
      "If it was not you, you can ignore this message, or tell your TrialDesk administrator.",
    ],
  },
  "username-taken": {
    subject: "TrialDesk: your account request needs another username",
    paragraphs: (appUrl) => [
      "We received a request for a TrialDesk account with this email address, but the username it asked for is already in use, so no account was created.",
      `Please sign up again with a different username at ${appUrl}/signup.`,
    ],
  },
};

export function composeSignupMail(outcome: SignupOutcome, appUrl = mailConfig().appUrl): ComposedMail {
  const { subject, paragraphs } = TEXT[outcome];
  const lines = paragraphs(appUrl);
  return {
    subject,
    text: `${lines.join("\n\n")}\n`,
    html: [
      '<!doctype html><html><body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5">',
      ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
      "</body></html>",
    ].join("\n"),
  };
}
