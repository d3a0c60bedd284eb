/**
 * The inbox's state in the URL: which tab (`view=unread`, the default, or `all`) and which page.
 * A hand-edited or stale URL degrades to the defaults (lib/list/params.ts).
 */
import { z } from "zod";
import { first, optional, type SearchParams } from "../list/params";

export const INBOX_VIEWS = ["unread", "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const INBOX_PAGE_SIZE = 25;

const viewParam = optional(z.enum(INBOX_VIEWS));

export function parseInboxParams(params: SearchParams): { view: InboxView; page: number; pageSize: number } {
  const page = Math.max(1, Math.floor(Number(first(params.page))) || 1);
  return { view: viewParam.parse(first(params.view)) ?? "unread", page, pageSize: INBOX_PAGE_SIZE };
}

/** The inbox's URL for a tab and page; the default tab and the first page are left out. */
export function inboxHref(view: InboxView, page = 1): string {
  const query = new URLSearchParams();
  if (view !== "unread") query.set("view", view);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/notifications?${text}` : "/notifications";
}
