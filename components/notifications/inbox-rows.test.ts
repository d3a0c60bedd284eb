import { describe, expect, it } from "vitest";
import { ago, inboxRows } from "./inbox-rows";

const now = new Date("2025-05-10T12:00:00Z");
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("inbox rows", () => {
  it("say how long ago, then the date past a week", () => {
    expect(ago(before(20), now, "UTC")).toBe("just now");
    expect(ago(before(5 * 60), now, "UTC")).toBe("5 minutes ago");
    expect(ago(before(3 * 3600 + 50), now, "UTC")).toBe("3 hours ago");
    expect(ago(before(26 * 3600), now, "UTC")).toBe("yesterday");
    expect(ago(before(3 * 86_400), now, "UTC")).toBe("3 days ago");
    expect(ago(before(8 * 86_400), now, "America/New_York")).toMatch(/02 May 2025, 08:00 (EDT|GMT-4)/);
    expect(ago(new Date(now.getTime() + 5000), now, "UTC")).toBe("just now");
  });

  it("carry the category's label and tone, read state and the opening link", () => {
    const [row] = inboxRows(
      [
        {
          id: "0b7d7c55-9f0c-4d39-a0a4-6f4b8f1b9d10",
          category: "safety",
          rule: "sae.reported",
          title: "Serious AE: A-01",
          body: "Site A",
          entity: "adverse_event",
          entityId: "0b7d7c55-9f0c-4d39-a0a4-6f4b8f1b9d11",
          subjectId: null,
          link: "/adverse-events/0b7d7c55-9f0c-4d39-a0a4-6f4b8f1b9d11",
          readAt: null,
          createdAt: before(120),
        },
      ],
      "Europe/London",
      now,
    );
    expect(row).toMatchObject({ category: "Safety", tone: "danger", unread: true, ago: "2 minutes ago", openHref: "/notifications/0b7d7c55-9f0c-4d39-a0a4-6f4b8f1b9d10/open" });
    expect(row!.at).toMatch(/10 May 2025, 12:58 BST/);
  });
});
