"use client";

import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import type { ActionState } from "@/lib/action-state";
import { errorsOf, valueOf } from "./form-helpers";

type SiteValues = { id: string; name: string; timezone: string; version: number };

/** New site (no `site`) or rename / change the time zone of one. `zones` = Intl's IANA list. */
export function SiteForm({
  site,
  zones,
  action,
}: {
  site?: SiteValues;
  zones: string[];
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useNotifyingAction(action);
  // A successful create clears the form (its key changes with the message).
  const key = state.status === "success" && !site ? state.message : "form";
  return (
    <form key={key} action={formAction} className="space-y-3" aria-label={site ? `Edit ${site.name}` : "New site"} noValidate>
      {site && <input type="hidden" name="id" value={site.id} />}
      {site && <input type="hidden" name="version" value={site.version} />}
      <div className="grid gap-3">
        <TextField label="Site name" name="name" required defaultValue={valueOf(state, "name", site?.name)} errors={errorsOf(state, "name")} />
        <SelectField
          label="Time zone"
          name="timezone"
          required
          placeholder="Choose a time zone"
          defaultValue={valueOf(state, "timezone", site?.timezone)}
          options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
          errors={errorsOf(state, "timezone")}
          hint="Visit dates, windows and the SAE clock are read in this zone."
        />
      </div>
      {state.status === "error" && <FormMessage state={state} />}
      <ConflictNotice current={state.current} fields={[{ name: "name", label: "Site name" }, { name: "timezone", label: "Time zone" }]} />
      <Button type="submit" disabled={pending}>
        {site ? "Save site" : "Add site"}
      </Button>
    </form>
  );
}
