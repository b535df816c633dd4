// The two database roles (issue 13): migrations run as the role that owns the
// tables, the app as a role that owns nothing. Only a table's owner (or a
// superuser) can drop or disable its triggers, ALTER it or TRUNCATE it, so the
// app role cannot undo the triggers that keep the audit log and the coded
// events append-only. This module creates the app role where the connecting
// role may (npm start in development, npm test, CI) and grants it exactly the
// data access the app needs. In production the operator runs the same
// statements: `node scripts/db-roles.mjs --print` prints them.
// Plain Node: `pg` is imported only when a database is reached (after npm install).

export const DEFAULT_APP_ROLE = "forlopsvakt_app";

const ident = (name) => `"${String(name).replaceAll('"', '""')}"`;

/**
 * What the app role may do in the current database, run as the tables' owner
 * after the migrations. Default privileges cover the tables later migrations
 * (run by the same owner) create.
 */
export function grantStatements(role, database) {
  const r = ident(role);
  return [
    `GRANT CONNECT ON DATABASE ${ident(database)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    // beside the triggers: the app only adds audit rows, and changes an event only to annul it
    `REVOKE UPDATE, DELETE ON "AuditEvent" FROM ${r}`,
    `REVOKE UPDATE, DELETE ON "PathwayEvent" FROM ${r}`,
    `GRANT UPDATE ("annulledAt", "annulledById", "annulReason") ON "PathwayEvent" TO ${r}`,
    `REVOKE ALL ON "_prisma_migrations" FROM ${r}`,
  ];
}

/** `url` with another user (and password, none when not given). */
function urlAs(url, user, password) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password ? encodeURIComponent(password) : "";
  return u.toString();
}

/**
 * Connected as the owner (ownerUrl, a migrated database): creates the app role
 * unless it exists (a role that may log in, nothing more), sets its password
 * when one is given, and grants it the app's access. Returns the app's URL.
 */
export async function ensureAppRole(ownerUrl, { role = DEFAULT_APP_ROLE, password } = {}) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: [me] } = await client.query("SELECT current_user AS name, current_database() AS database");
    if (me.name === role) throw new Error(`Approllen ${role} kan ikke være den samme som eierrollen.`);
    const { rows: [existing] } = await client.query("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", [role]);
    if (!existing) {
      try {
        await client.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
      } catch (error) {
        // 42710 / 23505: another run created it meanwhile
        if (error.code !== "42710" && error.code !== "23505") throw error;
      }
    } else if (existing.rolsuper || existing.rolbypassrls) {
      throw new Error(`Approllen ${role} er superbruker eller omgår radsikkerhet: den ville ikke vært begrenset.`);
    }
    if (password) await client.query(`ALTER ROLE ${ident(role)} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    await client.query("BEGIN");
    for (const sql of grantStatements(role, me.database)) await client.query(sql);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return urlAs(ownerUrl, role, password);
}
