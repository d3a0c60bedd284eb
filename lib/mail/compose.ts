/**
 * The text of every TrialDesk email. Email is not a secure channel: a message names a subject by
 * code, a site and what happened in a few fixed words, and links to the record — never a name, a
 * date of birth or any free text typed into a record. Callers pass only such values (the rules'
 * titles and bodies are built from codes, site names and instants; lib/rules/messages.ts).
 */
import { mailConfig } from "./config";

export type MailItem = {
  /** One line: what happened, with a subject code at most. */
  title: string;
  /** A sentence or two of the same kind (site, due instant). */
  body: string;
  /** The app path of the record, e.g. /adverse-events/<id>. */
  link: string;
};

export type ComposedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const FOOTER = "You receive this because of your TrialDesk notification settings";

/** One notification as an email. */
export function composeNotification(item: MailItem, appUrl = mailConfig().appUrl): ComposedMail {
  return composeList(`TrialDesk: ${item.title}`, [item], appUrl);
}

/** A daily digest: every item of the day, each with its link. */
export function composeDigest(items: readonly MailItem[], day: string, appUrl = mailConfig().appUrl): ComposedMail {
  const noun = items.length === 1 ? "notification" : "notifications";
  return composeList(`TrialDesk: ${items.length} ${noun} for ${day}`, items, appUrl);
}

function composeList(subject: string, items: readonly MailItem[], appUrl: string): ComposedMail {
  const settings = `${appUrl}/settings/notifications`;
  const text = [
    ...items.flatMap((item) => [item.title, item.body, `Open in TrialDesk: ${appUrl}${item.link}`, ""]),
    `${FOOTER}: ${settings}`,
    "",
  ].join("\n");
  const html = [
    '<!doctype html><html><body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5">',
    ...items.map(
      (item) =>
        `<p><strong>${escapeHtml(item.title)}</strong><br>${escapeHtml(item.body)}<br>` +
        `<a href="${escapeHtml(appUrl + item.link)}">Open in TrialDesk</a></p>`,
    ),
    `<p style="color: #6b7280; font-size: 0.875em">${FOOTER}: <a href="${escapeHtml(settings)}">change them</a>.</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
