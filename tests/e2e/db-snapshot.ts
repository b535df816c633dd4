import pg from "pg";

// Row counts and checksums of every table a write could touch: equal before
// and after a run of refused requests means nothing was stored or changed.

const TABLES = ["Pathway", "PathwayEvent", "WorklistItem", "PathwayDeadline", "PathwayNotice", "NoticeExplanation", "WorklistPostponement", "AuditEvent", "Patient", "Referral", "ReferralAssessment"];

export async function snapshot(options: { except?: string[] } = {}): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    for (const table of TABLES.filter((t) => !options.except?.includes(t))) {
      // a request for a record outside the user's units is audited (ACCESS_DENIED): that row is the one allowed change
      const where = table === "AuditEvent" ? ` WHERE t."action" <> 'ACCESS_DENIED'` : "";
      const { rows } = await client.query(`SELECT count(*) AS n, md5(COALESCE(string_agg(t::text, '|' ORDER BY t.id), '')) AS sum FROM "${table}" t${where}`);
      result[table] = `${rows[0].n}:${rows[0].sum}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

export async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
