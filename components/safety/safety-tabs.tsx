import Link from "next/link";

/** The two queues of the safety review, as links (each keeps its own URL state). */
export function SafetyTabs({ current }: { current: "aes" | "eligibility" }) {
  const tab = (key: typeof current, href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${current === key ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Safety review queues" className="mb-3 flex gap-1">
      {tab("aes", "/safety", "Adverse events")}
      {tab("eligibility", "/safety/eligibility", "Eligibility sign-off")}
    </nav>
  );
}
