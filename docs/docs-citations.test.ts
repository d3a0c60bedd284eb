/**
 * Every citation of a Markdown document in the sources must point at a document in this repository
 * and, when it names a section, at a heading that document has. A citation is a path ending in
 * `.md`, optionally followed by a quoted section name (after a comma, or a space):
 *
 *   docs/product.md, "People and roles"     docs/architecture.md "Audit trail"     README.md
 *
 * Paths resolve from the repository root, or from the citing file's folder; a path that leaves the
 * repository (the original spec under ../shared) or a bare name with no such file at the root fails.
 * Section names match a heading of any level, ignoring case. The docs themselves are in docs/
 * (see docs/architecture.md, "Policy and site scoping" for an example of a cited section).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".data", "test-results", "playwright-report", "coverage"]);
const SELF = path.relative(ROOT, fileURLToPath(import.meta.url));

type Citation = { file: string; line: number; doc: string; section: string | null };

/** A path token ending in .md, not part of a longer word or path. */
const DOC_PATH = /(?<![\w./-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w-]+\.md)(?![\w/])/g;
/** What may follow the path to name a section: `, "Name"` (possibly on the next comment line) or ` "Name"`. */
const SECTION = /^(?:,[ \t]*(?:\r?\n[ \t]*(?:\*|\/\/)?[ \t]*)?|[ \t]+)"([^"\n]+)"/;

function findCitations(text: string, file: string): Citation[] {
  const citations: Citation[] = [];
  for (const match of text.matchAll(DOC_PATH)) {
    const end = match.index + match[0].length;
    const section = SECTION.exec(text.slice(end, end + 200));
    citations.push({
      file,
      line: text.slice(0, match.index).split("\n").length,
      doc: match[1]!,
      section: section ? section[1]!.trim() : null,
    });
  }
  return citations;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith(".next")) continue;
      sourceFiles(path.join(dir, entry.name), out);
    } else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

/** The headings of a Markdown file, outside fenced code blocks, lower-cased. */
function headings(markdown: string): Set<string> {
  const found = new Set<string>();
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) found.add(heading[1]!.trim().toLowerCase());
  }
  return found;
}

/** The cited document inside the repository, or null. */
function resolveDoc(citation: Citation, root: string): string | null {
  const candidates = [path.resolve(root, citation.doc), path.resolve(root, path.dirname(citation.file), citation.doc)];
  for (const candidate of candidates) {
    const inside = path.relative(root, candidate);
    if (inside.startsWith("..") || path.isAbsolute(inside)) continue;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** What is wrong with a citation, or null when it stands. */
function citationProblem(citation: Citation, root = ROOT): string | null {
  const where = `${citation.file}:${citation.line}`;
  const doc = resolveDoc(citation, root);
  if (!doc) {
    return `${where} cites ${citation.doc}, which is not a file in this repository (the project's own docs are docs/product.md and docs/architecture.md)`;
  }
  if (citation.section === null) return null;
  if (!headings(fs.readFileSync(doc, "utf8")).has(citation.section.toLowerCase())) {
    return `${where} cites ${citation.doc}, "${citation.section}", but ${path.relative(root, doc)} has no such heading`;
  }
  return null;
}

describe("citations of docs in the sources", () => {
  const citations = sourceFiles(ROOT)
    .map((absolute) => path.relative(ROOT, absolute))
    .filter((file) => file !== SELF)
    .flatMap((file) => findCitations(fs.readFileSync(path.join(ROOT, file), "utf8"), file));

  it("finds the citations (the scan itself works)", () => {
    expect(citations.some((c) => c.doc === "docs/product.md" && c.section === "People and roles")).toBe(true);
  });

  it("cites only documents and sections that exist", () => {
    const problems = citations.map((c) => citationProblem(c)).filter((p) => p !== null);
    expect(problems).toEqual([]);
  });
});

describe("the citation checker", () => {
  const check = (comment: string) =>
    findCitations(comment, "lib/example.ts").map((c) => citationProblem(c));

  it("reads a section after a comma, after a space, and on the next comment line", () => {
    expect(findCitations(' * (docs/product.md, "People and roles")', "a.ts")[0]?.section).toBe("People and roles");
    expect(findCitations(' * docs/product.md "Safety rules"', "a.ts")[0]?.section).toBe("Safety rules");
    expect(findCitations(' * see docs/product.md,\n * "Audit trail": every write', "a.ts")[0]?.section).toBe("Audit trail");
    expect(findCitations(" * see docs/product.md: the rules", "a.ts")[0]?.section).toBeNull();
  });

  it("accepts a document and heading that exist", () => {
    expect(check(' * (docs/product.md, "People and roles")')).toEqual([null]);
    expect(check(' * (docs/product.md, "people AND roles")')).toEqual([null]);
    expect(check(" * README.md")).toEqual([null]);
  });

  it("refuses documents outside the repository or missing, and headings that do not exist", () => {
    // The forms the sources used before the project had its own docs.
    expect(check(' * (see ../shared/docs/product.md, "Data model")')[0]).toMatch(/not a file in this repository/);
    expect(check(' * (product.md, "People and roles")')[0]).toMatch(/not a file in this repository/);
    expect(check(' * (docs/product.md, "Sponsor heaven")')[0]).toMatch(/has no such heading/);
    expect(check(" * docs/nowhere.md")[0]).toMatch(/not a file in this repository/);
  });
});
