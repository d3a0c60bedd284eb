import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listHref, nextSort, optional, parseList } from "./params";

const spec = {
  filters: { studyId: optional(z.uuid()), status: optional(z.enum(["a", "b"])), q: optional(z.string().trim().max(100)) },
  sortable: ["name", "date"] as const,
  defaultSort: { key: "date" as const, dir: "desc" as const },
};

describe("list state in the URL", () => {
  it("parses page, sort and filters", () => {
    const s = parseList({ page: "3", sort: "-name", status: "b", q: " smith " }, spec);
    expect(s).toMatchObject({ page: 3, pageSize: 50, sort: { key: "name", dir: "desc" }, filters: { status: "b", q: "smith" } });
  });
  it("falls back to defaults for junk instead of failing", () => {
    const s = parseList({ page: "-2", sort: "password", status: "zzz", studyId: "'; drop table", pageSize: "100000" }, spec);
    expect(s).toMatchObject({ page: 1, pageSize: 200, sort: { key: "date", dir: "desc" }, filters: { status: undefined, studyId: undefined } });
  });
  it("builds links that keep the other parameters and reset the page", () => {
    expect(listHref("/subjects", { status: "a", page: "4", q: "" }, { sort: "-name" })).toBe("/subjects?status=a&sort=-name");
    expect(listHref("/subjects", { status: "a" }, { status: undefined })).toBe("/subjects");
    expect(listHref("/subjects", { status: "a" }, { page: 2 })).toBe("/subjects?status=a&page=2");
  });
  it("toggles the sort direction on the active column", () => {
    expect(nextSort({ key: "name", dir: "asc" }, "name")).toBe("-name");
    expect(nextSort({ key: "name", dir: "desc" }, "name")).toBe("name");
    expect(nextSort({ key: "name", dir: "asc" }, "date", "desc")).toBe("-date");
  });
});
