/**
 * Inputs and commands several resources share: `POST /{resource}/{id}/retire` for every retirable
 * resource (one declaration, one lib call), the `PATCH` of a resource whose lib decides what a
 * change means, and the body of an e-signature.
 */
import { retireRecord, type RetirableEntity } from "../../lifecycle/retire";
import { retireRecordSchema } from "../../validation/lifecycle";
import { signAdverseEventSchema } from "../../validation/safety";
import { z } from "zod";
import type { Actor } from "../../actor";
import { actionCommand, updateCommand, withId, withoutId, type Command, type CommandHome } from "../http/command";
import { pascalCase } from "./names";

export const RetireInput = withoutId(retireRecordSchema).meta({ id: "RetireInput" });

/** A retired record is out of every read (and of lists unless asked: `retired=include`), so retiring answers with what was retired. */
export const RetiredRecord = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    retiredAt: z.iso.datetime({ offset: true }),
    retireReason: z.string(),
    retiredById: z.uuid(),
  })
  .meta({ id: "RetiredRecord" });

const retiredRecord = (row: Record<string, unknown>) => ({
  id: row.id,
  version: row.version,
  retiredAt: (row.retiredAt as Date).toISOString(),
  retireReason: row.retireReason,
  retiredById: row.retiredById,
});

/** `{ version, password }`: the version signed, and the signer's password re-entered (21 CFR 11.200). */
export const SignatureInput = withoutId(signAdverseEventSchema).meta({ id: "SignatureInput" });

/** Its operationId is `retire` + the noun ("retireVisit") unless named. */
export function retireCommand(entity: RetirableEntity, home: CommandHome, operationId = `retire${pascalCase(home.noun)}`) {
  return actionCommand(home, "retire", {
    operationId,
    summary: `Retire the ${home.noun} as entered in error (kept, out of lists and counts, with who, when and why)`,
    body: RetireInput,
    run: (actor, { id, body }) => retireRecord(actor, entity, withId(body, id)),
    output: { schema: RetiredRecord, of: (saved) => retiredRecord(saved as Record<string, unknown>) },
  });
}

/**
 * `PATCH {path}/{id}` served by the lib's `change(actor, id, patch)`, which decides what the change
 * means (lib/subjects, lib/visits, lib/screenings: change.ts). The body is its schema, named `{Noun}Patch`
 * in the OpenAPI document; the operationId is `update` + the noun ("updateVisit").
 */
export function changeCommand(
  home: CommandHome,
  op: { summary: string; schema: z.ZodType; change: (actor: Actor, id: string, patch: unknown) => Promise<{ id: string }> },
): Command {
  const name = pascalCase(home.noun);
  return updateCommand(home, {
    operationId: `update${name}`,
    summary: op.summary,
    body: op.schema.meta({ id: `${name}Patch` }),
    run: (actor, { id, body }) => op.change(actor, id!, body),
  });
}
