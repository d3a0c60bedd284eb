/**
 * Shown on every page while demo accounts with the published password exist (lib/seed/demo-banner.ts).
 * A plain block, not a landmark or live region: no role="alert" (the end-to-end tests scope alerts)
 * and no extra navigation, banner or status for role-based selectors to trip over.
 */
export function DemoBanner() {
  return (
    <div data-testid="demo-banner" className="border-b border-amber-300 bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950">
      <strong className="font-semibold">Demo data — not for real subjects.</strong>{" "}
      <span>
        Demo accounts with a published password can sign in; an administrator removes them with{" "}
        <code className="font-mono text-xs">npm run setup:admin -- --remove-demo</code>.
      </span>
    </div>
  );
}
