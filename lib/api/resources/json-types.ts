/** The JSON scalar types every API resource shares. */
import { z } from "zod";

export const uuid = z.uuid();
export const instant = z.iso.datetime({ offset: true }).describe("An instant, ISO 8601 with a zone.");
export const calendarDate = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
