/**
 * Every form's server action runs through `formAction` (or `publicFormAction` before sign-in):
 * the signed-in, active person is looked up, the handler calls the lib function with the form's
 * fields, and whatever the lib refuses comes back as the form's state — field messages beside
 * their fields, the values typed kept — while Next's redirects and not-found pass through.
 * Validation itself is the lib's (its zod schemas), so forms, REST and GraphQL refuse alike.
 */
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { errorState, type ActionState } from "../action-state";
import type { Actor } from "../actor";
import { requireActiveActor } from "../auth/actor";
import { FormInput } from "./form-input";

export { FormInput };

export type FormActionOptions<S extends ActionState> = {
  /**
   * Adds to a refused form's state — e.g. a conflict's newer values in the words and time zone the
   * page shows. `actor` is null when the person could not be identified.
   */
  refused?: (error: unknown, state: S, actor: Actor | null) => S;
  /**
   * Who is asking, when not requireActiveActor: Settings → Password also serves a person held there
   * by an admin's reset, whom every other form refuses.
   */
  identify?: () => Promise<Actor>;
};

type ServerAction<S> = (prev: S, formData: FormData) => Promise<S>;

/** The one try/catch: run, and turn a thrown error into the form's state. */
export async function runFormAction<S extends ActionState = ActionState, A extends Actor | null = Actor | null>(
  formData: FormData,
  identify: () => Promise<A>,
  // NoInfer: the state type is the form's (ActionState unless named), not whatever one handler returns.
  handler: (input: FormInput, actor: A) => Promise<NoInfer<S>>,
  options: FormActionOptions<NoInfer<S>> = {},
): Promise<S> {
  const input = new FormInput(formData);
  let actor: A | null = null;
  try {
    actor = await identify();
    return await handler(input, actor);
  } catch (error) {
    // Next signals redirect() and notFound() by throwing; they are answers, not failures.
    unstable_rethrow(error);
    const state = errorState(error, input.typed()) as S;
    return options.refused ? options.refused(error, state, actor) : state;
  }
}

/** A form for a signed-in, active person. */
export function formAction<S extends ActionState = ActionState>(
  handler: (input: FormInput, actor: Actor) => Promise<NoInfer<S>>,
  options?: FormActionOptions<S>,
): ServerAction<S> {
  return async (_prev, formData) => runFormAction(formData, options?.identify ?? requireActiveActor, handler, options);
}

/** A form used before signing in (sign-up, login): no actor. */
export function publicFormAction<S extends ActionState = ActionState>(
  handler: (input: FormInput) => Promise<NoInfer<S>>,
  options?: FormActionOptions<S>,
): ServerAction<S> {
  return async (_prev, formData) => runFormAction(formData, async () => null, (input) => handler(input), options);
}
