import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseUrl, migrate } from "./migrate";

// Global setup of the integration tests: the migrations run once, into a
// template database, and each test file copies it (CREATE DATABASE …
// TEMPLATE, ~1 s) instead of running every migration again (prisma migrate
// deploy took 10–28 s per file on the 2-core CI machine). The template is the
// same database each file used to get: migrated by DATABASE_URL's role, which
// owns its tables. Nothing ever connects to it after the migrations (a copy
// needs a template without sessions); it is dropped at the end of the run.

declare module "vitest" {
  export interface ProvidedContext {
    /** the migrated template database, or "" when each file migrates its own (embedded database) */
    migratedTemplate: string;
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  // the embedded database has one database only: files reuse it (tests/support/db.ts)
  if (!process.env.DATABASE_URL || process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1") {
    project.provide("migratedTemplate", "");
    return;
  }
  // both integration projects (vitest.config.ts) run this in the one vitest process: one template for both
  const shared = globalThis as { forlopsvaktTemplate?: Promise<string> };
  shared.forlopsvaktTemplate ??= migratedTemplate();
  const name = await shared.forlopsvaktTemplate;
  project.provide("migratedTemplate", name);
  return () => dropDatabase(name);
}

const dropDatabase = (name: string) => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

async function migratedTemplate(): Promise<string> {
  const name = `fv_template_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    migrate(databaseUrl(process.env.DATABASE_URL!, name));
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
  return name;
}
