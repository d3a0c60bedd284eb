import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds live side by side (parallel e2e runs); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its wasm/data files at run time; bundling it breaks that (and would serve them).
  // argon2 is a native addon. nodemailer (the outbox's SMTP client) loads transports dynamically.
  // pino (lib/log.ts) writes with its own stream modules; it runs as the package, unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "nodemailer", "pino"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a role that may not use a page.
  experimental: {
    authInterrupts: true,
    // Server actions' bodies, capped by Next while it reads them (413 past it): the same 1 MiB as
    // every JSON entry (lib/api/http/body.ts). Set explicitly so a Next upgrade cannot change it.
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          // No page of ours uses these; a script that got in could not either.
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          // The Content-Security-Policy (per-request nonce) and HSTS are set by proxy.ts.
        ],
      },
    ];
  },
};

export default nextConfig;
