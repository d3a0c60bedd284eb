import { describe, expect, it } from "vitest";
import { inboxHref, parseInboxParams } from "./inbox-params";

describe("the inbox's URL state", () => {
  it("reads the tab and page, degrading junk to the defaults", () => {
    expect(parseInboxParams({})).toEqual({ view: "unread", page: 1, pageSize: 25 });
    expect(parseInboxParams({ view: "all", page: "3" })).toMatchObject({ view: "all", page: 3 });
    expect(parseInboxParams({ view: "'; drop", page: "-4" })).toMatchObject({ view: "unread", page: 1 });
    expect(parseInboxParams({ view: ["all", "unread"], page: "x" })).toMatchObject({ view: "all", page: 1 });
  });

  it("writes links that leave the defaults out", () => {
    expect(inboxHref("unread")).toBe("/notifications");
    expect(inboxHref("all")).toBe("/notifications?view=all");
    expect(inboxHref("unread", 2)).toBe("/notifications?page=2");
    expect(inboxHref("all", 3)).toBe("/notifications?view=all&page=3");
  });
});
