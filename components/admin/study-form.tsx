"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { humanize } from "@/components/ui/badge";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useNotifyingAction } from "@/components/ui/use-notifying-action";
import { STUDY_STATUSES } from "@/domain/vocabulary";
import type { ActionState } from "@/lib/action-state";
import type { PersonOption } from "@/lib/admin/queries";
import { errorsOf, valueOf } from "./form-helpers";

type StudyValues = {
  id: string;
  version: number;
  protocolId: string;
  title: string;
  status: string;
  principalInvestigatorId: string;
  siteId: string;
};

const FIELDS = [
  { name: "protocolId", label: "Protocol ID" },
  { name: "title", label: "Title" },
  { name: "status", label: "Status" },
  { name: "principalInvestigatorId", label: "Principal investigator" },
  { name: "siteId", label: "Site" },
] as const;

/** New study or edit one. The PI list follows the chosen site: only its active investigators. */
export function StudyForm({
  study,
  sites,
  investigators,
  action,
}: {
  study?: StudyValues;
  sites: { id: string; name: string }[];
  investigators: PersonOption[];
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useNotifyingAction(action);
  const [siteId, setSiteId] = useState(valueOf(state, "siteId", study?.siteId));
  const pis = investigators.filter((i) => i.siteId === siteId);
  return (
    <form action={formAction} className="space-y-3" aria-label={study ? "Study details" : "New study"} noValidate>
      {study && <input type="hidden" name="id" value={study.id} />}
      {study && <input type="hidden" name="version" value={study.version} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Protocol ID" name="protocolId" required defaultValue={valueOf(state, "protocolId", study?.protocolId)} errors={errorsOf(state, "protocolId")} />
        <SelectField
          label="Status"
          name="status"
          required
          placeholder="Choose a status"
          defaultValue={valueOf(state, "status", study?.status ?? "not_yet_recruiting")}
          options={STUDY_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          errors={errorsOf(state, "status")}
          hint="Suspended, completed, terminated and withdrawn studies take no new subjects."
        />
      </div>
      <TextField label="Title" name="title" required defaultValue={valueOf(state, "title", study?.title)} errors={errorsOf(state, "title")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Site"
          name="siteId"
          required
          placeholder="Choose a site"
          value={siteId}
          onChange={(e) => setSiteId(e.target.value)}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          errors={errorsOf(state, "siteId")}
        />
        <SelectField
          // Remount when the site changes, so a PI of the previous site is never silently kept.
          key={siteId}
          label="Principal investigator"
          name="principalInvestigatorId"
          required
          placeholder={siteId ? (pis.length ? "Choose an investigator" : "This site has no active investigator") : "Choose a site first"}
          defaultValue={pis.some((p) => p.id === valueOf(state, "principalInvestigatorId", study?.principalInvestigatorId)) ? valueOf(state, "principalInvestigatorId", study?.principalInvestigatorId) : ""}
          options={pis.map((p) => ({ value: p.id, label: `${p.displayName} (${p.username})` }))}
          errors={errorsOf(state, "principalInvestigatorId")}
        />
      </div>
      {state.status === "error" && <FormMessage state={state} />}
      <ConflictNotice current={state.current} fields={FIELDS} />
      <Button type="submit" disabled={pending}>
        {study ? "Save study" : "Create study"}
      </Button>
    </form>
  );
}
