/** Every REST route of /api/v1, in one table: the router and the OpenAPI document both read it. */
import { route, type Route } from "./http/route";
import { openApiDocument } from "./http/openapi";
import { createRouter } from "./http/router";
import { sessionRoutes } from "./resources/sessions";
import { subjectRoutes } from "./resources/subjects/routes";
import { screeningRoutes } from "./resources/screenings/routes";
import { visitRoutes } from "./resources/visits/routes";
import { adverseEventRoutes } from "./resources/adverse-events/routes";
import { subjectNoteRoutes } from "./resources/subject-notes/routes";
import { studyRoutes } from "./resources/studies/routes";
import { scheduleItemRoutes } from "./resources/schedule-items/routes";
import { siteRoutes } from "./resources/sites/routes";
import { userRoutes } from "./resources/users/routes";
import { personalTokenRoutes } from "./resources/tokens/routes";
import { notificationRoutes } from "./resources/notifications/routes";
import { taskRoutes } from "./resources/tasks/routes";

// sessionRoutes first: `GET /users/me` before `GET /users/{id}`.
const resourceRoutes: Route[] = [
  ...sessionRoutes,
  ...subjectRoutes,
  ...screeningRoutes,
  ...visitRoutes,
  ...adverseEventRoutes,
  ...subjectNoteRoutes,
  ...studyRoutes,
  ...scheduleItemRoutes,
  ...siteRoutes,
  ...userRoutes,
  ...personalTokenRoutes,
  ...notificationRoutes,
  ...taskRoutes,
];

let document: Record<string, unknown> | undefined;
const openApiRoute = route({
  method: "GET",
  path: "/openapi.json",
  operationId: "getOpenApi",
  summary: "This document",
  tag: "Meta",
  public: true,
  success: { status: 200, description: "The OpenAPI 3.1 document.", schema: null },
  errors: [],
  handle: async () => ({ body: (document ??= openApiDocument(apiRoutes)) }),
});

export const apiRoutes: Route[] = [openApiRoute, ...resourceRoutes];
export const dispatchApi = createRouter(apiRoutes);
