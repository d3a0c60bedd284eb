// requireActor() needs a request; tests load the actor the same way it does, by id.
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/actor";

export async function loadActorById(id: string): Promise<Actor> {
  const actor = await loadActor(id);
  if (!actor) throw new Error(`no user ${id}`);
  return actor;
}
