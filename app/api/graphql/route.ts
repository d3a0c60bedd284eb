/** GraphQL: one thin entry point into lib/graphql (see lib/graphql/server.ts). */
import { handleGraphQL } from "@/lib/graphql/server";

export const dynamic = "force-dynamic";

export const GET = handleGraphQL;
export const POST = handleGraphQL;
