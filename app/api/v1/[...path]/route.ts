/** The REST API: one thin entry point into lib/api's router (see lib/api/routes.ts). */
import { dispatchApi } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

export const GET = dispatchApi;
export const POST = dispatchApi;
export const PATCH = dispatchApi;
export const DELETE = dispatchApi;
