"use client";

/**
 * A new token's secret, shown this once: read-only, selected on focus, with a copy button and a
 * plain warning. It lives only in this component's state — a reload or another page loses it.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";

export function NewTokenSecret({ token, name }: { token: string; name: string }) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;

  return (
    <section aria-labelledby="new-token-secret" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <div>
        <h3 id="new-token-secret" className="text-sm font-semibold">
          Copy your new token “{name}” now
        </h3>
        <p id="new-token-secret-warning" className="mt-1">
          It will not be shown again. TrialDesk keeps only a fingerprint of it, so nobody — not even an administrator — can
          look it up later. If you lose it, revoke it and create another.
        </p>
      </div>
      <CopyField id="new-token-value" label="Your new token" value={token} noun="token" describedBy="new-token-secret-warning" autoFocus tone="amber" />
      <p className="text-xs">
        Send it as <code className="rounded bg-white/70 px-1 font-mono">Authorization: Bearer &lt;token&gt;</code> to{" "}
        <code className="rounded bg-white/70 px-1 font-mono">/api/v1</code>. It acts as you, with your role and access.
      </p>
      <Button type="button" variant="secondary" onClick={() => setHidden(true)}>
        I have stored it
      </Button>
    </section>
  );
}
