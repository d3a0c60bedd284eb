"use client";

/**
 * A new token's secret, shown this once: read-only, selected on focus, with a copy button and a
 * plain warning. It lives only in this component's state — a reload or another page loses it.
 */
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export function NewTokenSecret({ token, name }: { token: string; name: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied("copied");
    } catch {
      // No clipboard API (e.g. plain http on another host): the text stays selected for Ctrl+C.
      setCopied(document.execCommand?.("copy") ? "copied" : "failed");
    }
  }

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
      <div className="space-y-1">
        <label htmlFor="new-token-value" className="block text-sm font-medium">
          Your new token
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            ref={input}
            id="new-token-value"
            readOnly
            autoFocus
            value={token}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="new-token-secret-warning"
            onFocus={(event) => event.currentTarget.select()}
            className="block min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-2.5 py-1.5 font-mono text-sm text-slate-900 shadow-sm"
          />
          <Button type="button" variant="secondary" onClick={copy}>
            Copy
          </Button>
        </div>
        <p aria-live="polite" className="text-xs font-medium">
          {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy: select the token and press Ctrl+C." : ""}
        </p>
      </div>
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
