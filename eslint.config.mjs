import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Next's rules (React, hooks, a11y, @next/next) and typescript-eslint's
// recommended set, plus the layers of the README's "How the code is laid out",
// checked here instead of trusted: `npm test` fails on a forbidden import
// (tests/unit/lint-layers.test.ts proves each rule still fires).

/** A module path under src/ (the "@/" alias or a relative path climbing to it). */
const src = (dirs) => `^(@/|(\\.\\./)+)(${dirs})(/|$)`;
/** app/ itself is never imported from src/: only a relative path can reach it. */
const APP = "^(\\.\\./)+app(/|$)";
const PRISMA = { regex: "^(@prisma/|@/generated/|(\\.\\./)+generated/)", message: "The database is reached through src/server only." };
const PRISMA_CLIENT = { name: "@/server/db", message: "The database is reached through a service in src/server, never directly." };

/** Node's built-ins, the database, the network, the framework, the clock's owner: none of it in the pure domain. */
const IO = "^node:|^(fs|path|os|net|http|https|child_process|crypto|pg|bcryptjs|next|next-auth|react|react-dom|server-only|@electric-sql|rate-limiter-flexible|jose)(/|$)";

const restrict = (...patterns) => ["error", { patterns }];

export default [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["src/generated/**", ".data/**", "test-results/**", "playwright-report/**", "coverage/**", "next-env.d.ts"],
  },
  {
    rules: {
      // `_name` marks a parameter kept for its position
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    name: "layers/domain",
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": restrict(
        { regex: src("server|features|cli|generated"), message: "src/domain is pure: no server, features, CLI or database code." },
        { regex: APP, message: "src/domain is pure: nothing from app/." },
        { regex: "^@/lib/(request-guard|read-limited|client-address)", message: "src/domain is pure: no request or I/O helpers." },
        { regex: IO, message: "src/domain is pure TypeScript: no I/O, framework or crypto modules." },
        PRISMA,
      ),
      // "today" is a parameter in the domain, never read from the clock
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/domain has no clock: pass the instant or the day in." },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "src/domain has no clock: pass the instant or the day in." },
      ],
    },
  },
  {
    name: "layers/server",
    files: ["src/server/**"],
    rules: {
      "no-restricted-imports": restrict(
        { regex: src("features"), message: "src/server serves the features; it never imports them." },
        { regex: APP, message: "src/server never imports app/ (routes call services, not the other way round)." },
      ),
    },
  },
  {
    name: "layers/features",
    files: ["src/features/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [PRISMA_CLIENT], patterns: [{ regex: APP, message: "features never import app/." }, PRISMA] }],
    },
  },
  {
    name: "layers/lib-and-cli",
    files: ["src/lib/**", "src/cli/**"],
    rules: {
      "no-restricted-imports": restrict(
        { regex: src("server|features"), message: "src/lib and src/cli stand below the server and the features." },
        { regex: APP, message: "nothing below app/ imports it." },
        PRISMA,
      ),
    },
  },
  {
    name: "layers/app",
    files: ["app/**"],
    rules: {
      // app/ holds thin page.tsx and route.ts files: pages come from
      // src/features, route handlers call src/server's services
      "no-restricted-imports": ["error", {
        paths: [PRISMA_CLIENT],
        patterns: [{ regex: src("domain|lib|cli|generated"), message: "app/ imports only src/features (pages) and src/server (route wiring)." }, PRISMA],
      }],
    },
  },
  {
    name: "layers/outside-server",
    files: ["proxy.ts", "instrumentation.ts"],
    rules: { "no-restricted-imports": restrict(PRISMA) },
  },
];
