import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  REASON_MAX_LENGTH,
  blankAsMissing,
  clearableField,
  dateTime,
  isBlank,
  isUuid,
  isoDate,
  jsonVersion,
  nullableField,
  nullableReason,
  optionalField,
  optionalReason,
  reason,
  recordId,
  requiredText,
  version,
} from "./fields";

/** The messages a schema gives for a value, or [] when it passes. */
function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("blank handling: one meaning of 'not given'", () => {
  it("treats absent, null, empty and all-space text as blank, and nothing else", () => {
    for (const blank of [undefined, null, "", "   ", "\t\n"]) expect(isBlank(blank), JSON.stringify(blank)).toBe(true);
    for (const given of [0, false, "0", " x ", [], {}]) expect(isBlank(given), JSON.stringify(given)).toBe(false);
  });

  it("optionalField: blank → undefined, anything else checked", () => {
    const field = optionalField(z.string().max(3, "Too long."));
    expect(field.parse("")).toBeUndefined();
    expect(field.parse("  ")).toBeUndefined();
    expect(field.parse(null)).toBeUndefined();
    expect(field.parse("abc")).toBe("abc");
    expect(messages(field, "abcd")).toEqual(["Too long."]);
  });

  it("nullableField: blank or left out → null", () => {
    const field = nullableField(z.string());
    expect(field.parse(undefined)).toBeNull();
    expect(field.parse(" ")).toBeNull();
    expect(field.parse("x")).toBe("x");
  });

  it("clearableField: left out keeps (undefined), blank or null clears (null)", () => {
    const field = clearableField(z.string());
    expect(field.parse(undefined)).toBeUndefined();
    expect(field.parse("")).toBeNull();
    expect(field.parse(null)).toBeNull();
    expect(field.parse("x")).toBe("x");
  });

  it("blankAsMissing: an empty box is missing, not 0, so the field's own message shows", () => {
    const days = blankAsMissing(z.coerce.number({ error: "Enter the days." }).int());
    expect(messages(days, "")).toEqual(["Enter the days."]);
    expect(days.parse("0")).toBe(0);
    const withDefault = blankAsMissing(z.enum(["a", "b"]).default("a"));
    expect(withDefault.parse("")).toBe("a");
  });
});

describe("text and reasons", () => {
  it("requiredText trims, asks with its prompt, and caps the length", () => {
    const name = requiredText("Enter the name.", 5);
    expect(name.parse("  Ann  ")).toBe("Ann");
    expect(messages(name, "   ")).toEqual(["Enter the name."]);
    expect(messages(name, undefined)).toEqual(["Enter the name."]);
    expect(messages(name, "abcdef")).toEqual(["Use at most 5 characters."]);
  });

  it("every reason has the same limit, whatever it asks", () => {
    const long = "r".repeat(REASON_MAX_LENGTH + 1);
    const ok = "r".repeat(REASON_MAX_LENGTH);
    const tooLong = [`Use at most ${REASON_MAX_LENGTH} characters.`];
    for (const schema of [reason(), reason("Give the reason for withdrawal."), optionalReason, nullableReason]) {
      expect(messages(schema, long)).toEqual(tooLong);
      expect(messages(schema, ok)).toEqual([]);
    }
  });

  it("a required reason says what it is for; an optional one may be blank", () => {
    expect(messages(reason(), "")).toEqual(["Give a reason for the change."]);
    expect(messages(reason("Give the reason for withdrawal."), undefined)).toEqual(["Give the reason for withdrawal."]);
    expect(optionalReason.parse(" ")).toBeUndefined();
    expect(nullableReason.parse("")).toBeNull();
  });
});

describe("version", () => {
  it("a form's hidden field (text) and a number both count; blank, zero, fractions and words do not", () => {
    expect(version.parse("3")).toBe(3);
    expect(version.parse(3)).toBe(3);
    for (const bad of ["", undefined, "0", "1.5", "three"]) {
      expect(messages(version, bad), String(bad)).toEqual([
        "This form is missing the record's version: reload the page and try again.",
      ]);
    }
  });

  it("a JSON body must send a number", () => {
    expect(jsonVersion.parse(2)).toBe(2);
    expect(messages(jsonVersion, "2")).toEqual(["Send the record's version as you read it (a whole number)."]);
  });
});

describe("ids", () => {
  it("isUuid accepts what a uuid column accepts, and nothing that could reach SQL otherwise", () => {
    expect(isUuid("0b6f1f9e-5d2a-4c3b-9a1e-2f3d4c5b6a7e")).toBe(true);
    expect(isUuid("0B6F1F9E-5D2A-4C3B-9A1E-2F3D4C5B6A7E")).toBe(true);
    for (const bad of ["", "42", "0b6f1f9e-5d2a-4c3b-9a1e-2f3d4c5b6a7", "0b6f1f9e-5d2a-4c3b-9a1e-2f3d4c5b6a7e'--", null, 7]) {
      expect(isUuid(bad), String(bad)).toBe(false);
    }
  });

  it("recordId names what to choose", () => {
    expect(messages(recordId("Choose a subject."), "nope")).toEqual(["Choose a subject."]);
    expect(messages(recordId(), undefined)).toEqual(["Choose an existing record."]);
  });
});

describe("dates and times", () => {
  it("isoDate asks for the date, then for its format; impossible days are refused", () => {
    const onset = isoDate("onset date");
    expect(onset.parse(" 2024-02-29 ")).toBe("2024-02-29");
    expect(messages(onset, "")).toEqual(["Enter the onset date."]);
    expect(messages(onset, "2023-02-29")).toEqual(["Enter the onset date as YYYY-MM-DD."]);
    expect(messages(onset, "29/02/2024")).toEqual(["Enter the onset date as YYYY-MM-DD."]);
  });

  it("dateTime takes a site-local datetime-local value or a zoned ISO instant", () => {
    const at = dateTime("date and time of the visit");
    for (const ok of ["2026-03-14T09:30", "2026-03-14T09:30:00Z", "2026-03-14T09:30:00.123+01:00"]) {
      expect(messages(at, ok), ok).toEqual([]);
    }
    expect(messages(at, "")).toEqual(["Enter the date and time of the visit."]);
    expect(messages(at, "2026-03-14 09:30")).toEqual(["Enter the date and time of the visit as YYYY-MM-DDTHH:mm."]);
    for (const bad of ["2026-03-14T09:30:00", "2024-06-31T10:00:00Z", "2026-03-14T24:00", "2026-03-14T09:60"]) {
      expect(messages(at, bad), bad).toEqual(["Enter the date and time of the visit as YYYY-MM-DDTHH:mm."]);
    }
  });
});
