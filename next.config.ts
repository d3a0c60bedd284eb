import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds live side by side (parallel e2e runs); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its wasm/data files at run time; bundling it breaks that (and would serve them).
  // argon2 is a native addon. nodemailer (the outbox's SMTP client) loads transports dynamically.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a role that may not use a page.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
