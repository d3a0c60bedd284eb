/** CSV of the list on screen (its filter and sort, all pages, capped): streamed, audited, limited per user (lib/export). */
import { exportRoute } from "@/lib/export/route";
import { exportTaskList } from "@/lib/export/lists";

export const GET = exportRoute(exportTaskList);
