"use client";

/**
 * A secret to copy (a new token, a calendar link): labelled, read-only, selected on focus, with a
 * Copy button and a polite line saying whether it worked. Without a clipboard API (plain http on
 * another host) the text is left selected for Ctrl+C. `children` go beside the button.
 */
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyField({
  id,
  label,
  value,
  noun,
  describedBy,
  autoFocus,
  tone = "slate",
  children,
}: {
  id: string;
  label: string;
  value: string;
  /** What it is, in "select the … and press Ctrl+C". */
  noun: string;
  describedBy?: string;
  autoFocus?: boolean;
  /** On a warning panel (amber) or a plain one. */
  tone?: "amber" | "slate";
  children?: React.ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      setCopied(document.execCommand?.("copy") ? "copied" : "failed");
    }
  }
  const amber = tone === "amber";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={`block text-sm font-medium ${amber ? "" : "text-slate-700"}`}>
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          autoFocus={autoFocus}
          value={value}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={describedBy}
          onFocus={(event) => event.currentTarget.select()}
          className={`block min-w-0 flex-1 rounded-md border bg-white px-2.5 py-1.5 font-mono text-slate-900 shadow-sm ${amber ? "border-amber-300 text-sm" : "border-slate-300 text-xs"}`}
        />
        <Button type="button" variant="secondary" onClick={copy}>
          Copy
        </Button>
        {children}
      </div>
      <p aria-live="polite" className={`text-xs font-medium ${amber ? "" : "text-slate-700"}`}>
        {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? `Could not copy: select the ${noun} and press Ctrl+C.` : ""}
      </p>
    </div>
  );
}
