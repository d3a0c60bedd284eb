/**
 * One read model per entity (see ./model): every read path selects an entity's columns, joins
 * and embeds from here, and history redaction and CSV exports take their rules from the same
 * declarations.
 */
import { adverseEventModel } from "./adverse-event";
import { noteModel } from "./note";
import { screeningModel } from "./screening";
import { studyModel } from "./study";
import { subjectModel } from "./subject";
import { taskModel } from "./task";
import { visitModel } from "./visit";

export const READ_MODELS = [subjectModel, screeningModel, visitModel, adverseEventModel, noteModel, studyModel, taskModel] as const;
