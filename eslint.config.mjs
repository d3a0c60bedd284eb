import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ---------------------------------------------------------------- layers
// Imports point one way: app → components → lib → db, and domain/ (the vocabularies) under all of
// them. A module path is matched whether written with the "@/" alias or relatively ("../../lib/x").
const layer = (name) => `^(@/|(\\.\\./)+)${name}(/|$)`;
const restrict = (...rules) => ["error", { patterns: [...rules.map(([name, message]) => ({ regex: layer(name), message })), ...ROAD_ONLY] }];

// The write road (lib/write) is the only caller of the audit writer and the live notifier: a change
// is audited and announced there, in its own transaction, or not at all. (lib/write/audit-boundary.test.ts
// also fails on any direct insert, update or delete of an audited table outside it.)
const ROAD = "Write through lib/write (write(), recordEvent()): the audit writer and the notifier are private to the road.";
const ROAD_ONLY = [
  { regex: "(^|/)audit(/writer)?$", importNames: ["appendAudit"], message: ROAD },
  { regex: "(^|/)live/notify$", importNames: ["notifyChange"], message: ROAD },
];

const DB_IS_SERVER_ONLY = "The database layer is server-only: take types and values from lib/ (or vocabularies from @/domain/vocabulary).";
const NO_APP = "Routes import components, never the reverse: take a server action as a prop from the page.";

/**
 * "use client" modules ship to the browser: importing db/ there would pull Drizzle's tables (and the
 * driver) into the bundle. The directive can sit in any folder, so this is a rule, not a glob.
 */
const clientImports = {
  meta: {
    type: "problem",
    docs: { description: 'Forbid importing db/ from a "use client" module.' },
    messages: { db: 'A "use client" module must not import "{{source}}": ' + DB_IS_SERVER_ONLY },
    schema: [],
  },
  create(context) {
    const dbPath = new RegExp(layer("db"));
    let client = false;
    const check = (node) => {
      if (client && node.source && typeof node.source.value === "string" && dbPath.test(node.source.value)) {
        context.report({ node: node.source, messageId: "db", data: { source: node.source.value } });
      }
    };
    return {
      Program(program) {
        // Only the directive prologue counts, as for React and Next.
        client = program.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const importAnything = [
  "ImportDeclaration",
  "ExportAllDeclaration",
  "ExportNamedDeclaration[source]",
  "ImportExpression",
].map((selector) => ({ selector, message: "domain/ imports nothing: every layer may import it, client components included." }));

const layers = [
  { plugins: { layers: { rules: { "client-imports": clientImports } } }, rules: { "layers/client-imports": "error" } },
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": restrict(
        ["lib", "db/ is the bottom layer: it imports nothing from lib/ (seed and CLI code that needs lib lives in lib/seed and scripts/)."],
        ["components", "db/ is the bottom layer: it imports nothing from components/."],
        ["app", "db/ is the bottom layer: it imports nothing from app/."],
      ),
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": restrict(
        ["components", "lib/ sits below components/: move what both need into lib/ (or domain/)."],
        ["app", "lib/ sits below app/: routes call lib, never the reverse."],
      ),
    },
  },
  { files: ["components/**"], rules: { "no-restricted-imports": restrict(["app", NO_APP], ["db", DB_IS_SERVER_ONLY]) } },
  { files: ["app/**", "scripts/**"], rules: { "no-restricted-imports": restrict() } },
  // The road itself, and the tests that exercise the audit writer directly (the chain, the log).
  {
    files: ["lib/write/**", "lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [["components", "lib/ sits below components/."], ["app", "lib/ sits below app/."]].map(([name, message]) => ({ regex: layer(name), message })) },
      ],
    },
  },
  { files: ["domain/**"], rules: { "no-restricted-syntax": ["error", ...importAnything] } },
];

const config = [
  ...nextVitals,
  ...nextTs,
  ...layers,
  // CommonJS helpers shared with playwright.config.ts (which Playwright loads as CommonJS).
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  { ignores: [".next*/**", "node_modules/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
