import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { notificationHref, notificationWindow } from "@/domain/notifications";
import { z } from "@/lib/zod";
import { assignClinician } from "@/server/pathways/assign";
import { recomputeDerived } from "@/server/pathways/derived";
import { digestCounts, digestFailures, runDigestPass, type DigestConfig } from "@/server/notifications/digest";
import { unreadCountSqls } from "@/server/notifications/query";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "@/server/notifications/service";
import { saveNotificationSettings } from "@/server/notifications/settings";
import { seedDemo } from "@/server/seed/demo";
import { sqlOf } from "@/server/sql";
import { sessionWithUser } from "@/server/auth/session-user";
import type { Actor } from "@/server/auth/current-user";
import { keptUnreadCount } from "@/server/notifications/header-count";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Varsler and the daily digest (issue 20) against PostgreSQL and a real SMTP
// server started here (smtp-server): the selection from the derived rows on a
// pinned day, read marks, one mail per user and day with two senders racing,
// a retry after a refused connection, and no patient data in any mail.
const TODAY = "2026-11-22";
const NOW = new Date("2026-11-22T08:00:00Z"); // 09:00 in Oslo: a 07:30 digest is due
const { db, appUrl } = useAppDatabase();

beforeAll(() => {
  process.env.FORLOPSVAKT_TODAY = TODAY;
});

// A session row per actor, made on first use, read as a page view at `at` reads it.
const sessionIds = new Map<string, string>();
async function sessionAt(actor: Actor, at: Date) {
  let sessionId = sessionIds.get(actor.user.id);
  if (!sessionId) {
    sessionId = randomUUID();
    await db().userSession.create({ data: { id: sessionId, userId: actor.user.id, createdAt: at, lastSeenAt: at } });
    sessionIds.set(actor.user.id, sessionId);
  }
  const found = await sessionWithUser(sqlOf(db()), { sessionId, userId: actor.user.id }, at);
  if (!found) throw new Error("session not alive");
  return { ...found, sessionId };
}

/** "Varsler (n)" in the header of a page view now. */
const headerCount = async (actor: Actor) => unreadNotificationCount(await sessionAt(actor, new Date()));

// ---- a real SMTP server, decoding what it receives ----
interface Received { to: string[]; subject: string; body: string }

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeMime(raw: string): { subject: string; body: string } {
  const [head] = raw.split(/\r?\n\r?\n/);
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? "";
  const subject = subjectLine.replace(/\r?\n[ \t]/g, " ").replace(/\?=\s+=\?/g, "?==?").replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
  // every part, decoded by its own transfer encoding
  const parts = raw.split(/\r?\n--[^\r\n]+/).map((part) => {
    const [h, ...rest] = part.split(/\r?\n\r?\n/);
    const content = rest.join("\n\n");
    if (/content-transfer-encoding: base64/i.test(h)) return Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8");
    if (/content-transfer-encoding: quoted-printable/i.test(h)) return decodeQuotedPrintable(content);
    return content;
  });
  return { subject, body: parts.join("\n") };
}

async function startSmtp(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMime(Buffer.concat(chunks).toString("utf8")) });
        callback();
      });
    },
  });
  server.listen(port, "127.0.0.1");
  await once(server.server, "listening");
  const actualPort = (server.server.address() as AddressInfo).port;
  return { received, port: actualPort, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const config = (port: number): DigestConfig => ({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "Forløpsvakt <varsler@forlopsvakt.test>", baseUrl: "https://forlopsvakt.example.no" });

async function enableDigest(userIds: string[], time = "07:30") {
  for (const userId of userIds) {
    await db().notificationSettings.upsert({ where: { userId }, create: { userId, digestEnabled: true, digestTime: time }, update: { digestEnabled: true, digestTime: time } });
  }
}

// ---- the selection ----
async function clinicianWithPathways() {
  const unit = await makeUnit(db());
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const mine = async (events: [string, string | null, string][]) => {
    const p = await makePathway(db(), unit.id, clinician.user.id, events);
    await db().pathway.update({ where: { id: p.id }, data: { responsibleClinicianId: clinician.user.id } });
    await recomputeDerived(db(), p.id, TODAY);
    return db().pathway.findUniqueOrThrow({ where: { id: p.id }, include: { patient: true } });
  };
  const late = await mine([["A", null, "2026-09-03"], ["M", null, "2026-09-05"]]); // basis due 17.10: overdue
  const later = await mine([["A", null, "2026-09-03"], ["M", null, "2026-11-01"]]); // basis due 13.12: beyond 7 days
  return { unit, clinician, late, later };
}

describe("Varsler: the selection from the derived rows", () => {
  it("an overdue deadline on my pathway is a notification, one beyond my horizon is not until I widen it; the page is audited naming the patients", async () => {
    const { clinician, late, later } = await clinicianWithPathways();
    const { items } = await listNotifications(clinician);
    const deadlines = items.filter((i) => i.kind === "DEADLINE");
    expect(deadlines.map((i) => i.pathwayId)).toContain(late.id);
    expect(items.map((i) => i.pathwayId)).not.toContain(later.id);
    expect(await headerCount(clinician)).toBe(items.length);

    const audit = await db().auditEvent.findFirst({ where: { userId: clinician.user.id, action: "NOTIFICATIONS_VIEWED" }, orderBy: { id: "desc" } });
    expect(audit?.patientIds).toContain(late.patientId);
    expect(audit?.patientIds).not.toContain(later.patientId);

    // basis due 13.12 = today + 21
    await saveNotificationSettings(clinician, { digestEnabled: false, digestTime: "07:30", digestKinds: [], horizonDays: 20 });
    expect((await listNotifications(clinician)).items.map((i) => i.pathwayId)).not.toContain(later.id);
    await saveNotificationSettings(clinician, { digestEnabled: false, digestTime: "07:30", digestKinds: [], horizonDays: 21 });
    expect((await listNotifications(clinician)).items.map((i) => i.pathwayId)).toContain(later.id);
  });

  it("mark one read, then all: the count falls, the items stay (read) until their cause is gone", async () => {
    const { clinician, late } = await clinicianWithPathways();
    const before = (await listNotifications(clinician)).items;
    const first = before.find((i) => i.pathwayId === late.id)!;
    expect(await markNotificationsRead(clinician, { pathwayId: first.pathwayId, key: first.key, dueOn: first.dueOn })).toBe(1);
    expect(await headerCount(clinician)).toBe(before.length - 1);
    // a key that is not one of my notifications marks nothing
    expect(await markNotificationsRead(clinician, { pathwayId: "nope", key: first.key, dueOn: first.dueOn })).toBe(0);
    await markNotificationsRead(clinician, { all: true });
    expect(await headerCount(clinician)).toBe(0);
    expect((await listNotifications(clinician)).items.every((i) => i.read)).toBe(true);

    // the basis assessment done (C with outcome): the deadline's row goes, and so does the notification
    await db().pathwayEvent.create({ data: { pathwayId: late.id, code: "C", outcome: "P", clinicalDate: new Date(`${TODAY}T00:00:00Z`), recordedById: clinician.user.id } });
    await recomputeDerived(db(), late.id, TODAY);
    const after = (await listNotifications(clinician)).items.filter((i) => i.pathwayId === late.id && i.key === first.key);
    expect(after).toEqual([]);
  });

  it("another clinician's pathways are not mine; one assigned to me by a coordinator is new; a colleague in another unit sees nothing", async () => {
    const { unit, clinician, late } = await clinicianWithPathways();
    const colleague = await makeActor(db(), "CLINICIAN", [unit.id]);
    expect((await listNotifications(colleague)).items).toEqual([]);
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    await assignClinician(coordinator, { pathwayId: late.id, clinicianId: colleague.user.id });
    const items = (await listNotifications(colleague)).items.filter((i) => i.pathwayId === late.id);
    expect(items.length).toBeGreaterThan(0);
    // deadlines are shown as deadlines; the other rows of the pathway as newly assigned
    expect(new Set(items.map((i) => i.kind))).toContain("DEADLINE");
    expect((await listNotifications(clinician)).items.map((i) => i.pathwayId)).not.toContain(late.id);
    const elsewhere = await makeActor(db(), "CLINICIAN", [(await makeUnit(db())).id]);
    expect(await headerCount(elsewhere)).toBe(0);
  });

  it("coordinators also get their units' referrals past the 10 working days (linked to the referral); leaders and administrators have no count", async () => {
    const { unit, clinician } = await clinicianWithPathways();
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    // received 01.09, not assessed (no start code): the 10 working days are long out
    const waiting = await makePathway(db(), unit.id, clinician.user.id, []);
    await db().pathway.update({ where: { id: waiting.id }, data: { responsibleClinicianId: clinician.user.id } });
    await recomputeDerived(db(), waiting.id, TODAY);
    expect(await db().worklistItem.count({ where: { pathwayId: waiting.id, reason: "REFERRAL_NOT_ASSESSED" } })).toBe(1);
    const referral = (await listNotifications(coordinator)).items.find((i) => i.pathwayId === waiting.id);
    expect(referral).toMatchObject({ kind: "REFERRAL", referralId: waiting.referralId });
    expect(notificationHref(referral!)).toBe(`/henvisninger/${waiting.referralId}`);
    // a coordinator of another unit does not see it, nor does the clinician (it is the coordinator's to assess)
    const elsewhere = await makeActor(db(), "COORDINATOR", [(await makeUnit(db())).id]);
    expect((await listNotifications(elsewhere)).items).toEqual([]);
    expect((await listNotifications(clinician)).items.map((i) => i.pathwayId)).not.toContain(waiting.id);
    expect(await headerCount(await makeActor(db(), "LEADER", [unit.id]))).toBeNull();
    expect(await headerCount(await makeActor(db(), "ADMIN", []))).toBeNull();
  });

  it("the header's count is kept with the session for a minute; read marks and a new horizon count again at once", async () => {
    const { unit, clinician } = await clinicianWithPathways();
    const t0 = new Date();
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const shown = async (seconds: number) => keptUnreadCount(await sessionAt(clinician, at(seconds)), at(seconds), TODAY);
    const counted = (await listNotifications(clinician)).items.length;
    expect(await shown(0)).toBe(counted);

    // a new overdue deadline of mine: not in the header's count for a minute, then in it
    const more = await makePathway(db(), unit.id, clinician.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-06"]]);
    await db().pathway.update({ where: { id: more.id }, data: { responsibleClinicianId: clinician.user.id } });
    await recomputeDerived(db(), more.id, TODAY);
    const now = (await listNotifications(clinician)).items.length;
    expect(now).toBeGreaterThan(counted);
    expect(await shown(30)).toBe(counted);
    expect(await shown(60)).toBe(counted);
    expect(await shown(61)).toBe(now);

    // my read mark: counted again on the next view, not a minute later
    const first = (await listNotifications(clinician)).items[0];
    await markNotificationsRead(clinician, { pathwayId: first.pathwayId, key: first.key, dueOn: first.dueOn });
    expect(await shown(62)).toBe(now - 1);
    // a narrower horizon likewise (the later deadline goes)
    await saveNotificationSettings(clinician, { digestEnabled: false, digestTime: "07:30", digestKinds: [], horizonDays: 1 });
    const narrower = (await listNotifications(clinician)).items.filter((i) => !i.read).length;
    expect(await shown(63)).toBe(narrower);

    // a count begun before a read mark is not kept: the next view counts again
    const stale = await sessionAt(clinician, at(200));
    expect(stale.unread.count).toBeNull();
    await markNotificationsRead(clinician, { all: true });
    await keptUnreadCount(stale, at(200), TODAY);
    expect((await sessionAt(clinician, at(201))).unread.count).toBeNull();
    expect(await shown(202)).toBe(0);
  });

  it("the header's count is a few small statements, every table read through an index (EXPLAIN)", async () => {
    const { clinician } = await clinicianWithPathways();
    const sql = sqlOf(db());
    await sql.run(Prisma.sql`ANALYZE`);
    const statements = unreadCountSqls(clinician.user, notificationWindow(TODAY, NOW), 7);
    // a clinician: my deadlines, my notices, the pathways I coordinate, newly assigned (not the units' coordinator branches)
    expect(statements).toHaveLength(4);
    const plans = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const out: string[] = [];
      for (const statement of statements) {
        const rows = await sqlOf(tx).rows(z.object({ "QUERY PLAN": z.string() }), Prisma.sql`EXPLAIN ${statement}`);
        out.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
      }
      return out;
    });
    const text = plans.join("\n");
    expect(text).not.toMatch(/Seq Scan on "(WorklistItem|Pathway|PathwayNotice|NotificationRead)"/);
    // on a file's few rows the planner picks any index; the plans on real data: npm run bench:digest (README)
    expect(text).toMatch(/WorklistItem_responsibleClinicianId_dueOn_idx/);
    expect(text).toMatch(/Pathway_coordinatorId_status_idx/);
  });
});

// ---- the digest ----
describe("the daily digest over a real SMTP server", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const pools: pg.Pool[] = [];
  const newPool = async () => {
    const pool = new pg.Pool({ connectionString: await appUrl(), max: 3 });
    pools.push(pool);
    return pool;
  };
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await Promise.all(pools.map((p) => p.end()));
  });

  it("one mail per user and day, even with two senders racing; nothing on a day with nothing to say; not before the chosen time", async () => {
    const { clinician } = await clinicianWithPathways();
    const idle = await makeActor(db(), "CLINICIAN", [(await makeUnit(db())).id]);
    const late = await makeActor(db(), "CLINICIAN", [(await makeUnit(db())).id]);
    await enableDigest([clinician.user.id, idle.user.id]);
    await enableDigest([late.user.id], "10:00");
    const start = smtp.received.length;
    const [a, b] = await Promise.all([
      runDigestPass(await newPool(), { day: TODAY, now: NOW, config: config(smtp.port) }),
      runDigestPass(await newPool(), { day: TODAY, now: NOW, config: config(smtp.port) }),
    ]);
    const mine = smtp.received.slice(start).filter((m) => m.to.includes(clinician.user.email));
    expect(mine).toHaveLength(1);
    expect(smtp.received.slice(start).filter((m) => m.to.includes(idle.user.email) || m.to.includes(late.user.email))).toEqual([]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(1);
    expect(mine[0].subject).toMatch(/^Forløpsvakt 22\.11\.2026: \d+ (varsel|varsler)$/);
    expect(mine[0].body).toContain("https://forlopsvakt.example.no/varsler");
    const rows = await db().digestDelivery.findMany({ where: { userId: { in: [clinician.user.id, idle.user.id, late.user.id] } } });
    expect(rows.map((r) => [r.userId, r.status]).sort()).toEqual([[clinician.user.id, "SENT"], [idle.user.id, "EMPTY"]].sort());

    // a restart, a later pass: nothing again for the same day
    const again = smtp.received.length;
    await runDigestPass(await newPool(), { day: TODAY, now: new Date(NOW.getTime() + 3600_000), config: config(smtp.port) });
    expect(smtp.received.slice(again).filter((m) => m.to.includes(clinician.user.email))).toEqual([]);
  });

  it("retries after a refused connection, with backoff; after the last try the failure is shown to administrators", async () => {
    const { clinician } = await clinicianWithPathways();
    await enableDigest([clinician.user.id]);
    // a port nobody listens on yet
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const pool = await newPool();
    const first = await runDigestPass(pool, { day: TODAY, now: NOW, config: config(port) });
    expect(first.retrying).toBe(1);
    const row = await db().digestDelivery.findUniqueOrThrow({ where: { userId_day: { userId: clinician.user.id, day: new Date(`${TODAY}T00:00:00Z`) } } });
    expect(row).toMatchObject({ status: "RETRY", attempts: 1, lastError: expect.stringContaining("ECONNREFUSED") });
    expect(row.nextAttemptAt?.toISOString()).toBe(new Date(NOW.getTime() + 60_000).toISOString());

    // before the backoff is over: not tried
    expect((await runDigestPass(pool, { day: TODAY, now: new Date(NOW.getTime() + 30_000), config: config(port) })).retrying).toBe(0);
    // the server is up again on that port: the retry gets through
    const later = await startSmtp(port);
    try {
      const second = await runDigestPass(pool, { day: TODAY, now: new Date(NOW.getTime() + 61_000), config: config(port) });
      expect(second.sent).toBe(1);
      expect(later.received.filter((m) => m.to.includes(clinician.user.email))).toHaveLength(1);
    } finally {
      await later.close();
    }

    // another user, and the server never comes back: FAILED after the 4th try, listed for administrators
    const { clinician: other } = await clinicianWithPathways();
    await enableDigest([other.user.id]);
    let at = NOW.getTime();
    for (const wait of [0, 61_000, 5 * 60_000 + 1000, 30 * 60_000 + 1000]) {
      at += wait;
      await runDigestPass(pool, { day: TODAY, now: new Date(at), config: config(port) });
    }
    expect(await db().digestDelivery.findFirst({ where: { userId: other.user.id } })).toMatchObject({ status: "FAILED", attempts: 4 });
    expect((await digestFailures(sqlOf(db()))).map((f) => f.email)).toContain(other.user.email);
  });

  it("no mail for the demo data holds a national id, a patient's name or birth date, or an event code", { timeout: 300_000 }, async () => {
    await seedDemo(db(), TODAY);
    const users = await db().user.findMany({ where: { role: { in: ["CLINICIAN", "COORDINATOR"] }, email: { endsWith: "@forlopsvakt.test" } }, select: { id: true, email: true } });
    await enableDigest(users.map((u) => u.id));
    const start = smtp.received.length;
    const result = await runDigestPass(await newPool(), { day: TODAY, now: NOW, config: config(smtp.port) });
    const mails = smtp.received.slice(start);
    expect(result.sent).toBe(mails.length);
    expect(mails.length).toBeGreaterThanOrEqual(3);

    const patients = await db().patient.findMany({ select: { name: true, nationalId: true, birthDate: true } });
    const names = new Set(patients.map((p) => p.name.toLowerCase()));
    for (const n of await db().pathway.findMany({ where: { recordedPatientName: { not: null } }, select: { recordedPatientName: true } })) names.add(n.recordedPatientName!.toLowerCase());
    const births = new Set(patients.flatMap((p) => {
      const iso = p.birthDate.toISOString().slice(0, 10);
      const [y, m, d] = iso.split("-");
      return iso === TODAY ? [] : [iso, `${d}.${m}.${y}`];
    }));
    const codes = (await db().pathwayEvent.findMany({ select: { code: true, outcome: true }, distinct: ["code", "outcome"] })).map((e) => `${e.code}${e.outcome ?? ""}`);
    // the digest's statement for all users counts what each one's page lists
    const behandler = await db().user.findUniqueOrThrow({ where: { email: "behandler@forlopsvakt.test" }, include: { units: true } });
    const actor = { user: { id: behandler.id, email: behandler.email, name: behandler.name, role: behandler.role, unitIds: behandler.units.map((u) => u.unitId) }, meta: { ip: "10.0.0.1", userAgent: "vitest" } };
    const listed: Record<string, number> = {};
    for (const item of (await listNotifications(actor)).items) listed[item.kind] = (listed[item.kind] ?? 0) + 1;
    const digestUser = { id: behandler.id, email: behandler.email, role: behandler.role, unitIds: actor.user.unitIds, kinds: ["DEADLINE", "ASSIGNED", "NOTICE", "REFERRAL", "LEGAL_DEADLINE"] };
    expect(await digestCounts(sqlOf(db()), digestUser, TODAY, NOW)).toEqual(listed);
    expect(Object.keys(listed).length).toBeGreaterThan(0);

    for (const mail of mails) {
      const all = `${mail.subject}\n${mail.body}`;
      expect(all).not.toMatch(/\d{11}/);
      const lower = all.toLowerCase();
      for (const name of names) expect(lower).not.toContain(name);
      for (const b of births) expect(all).not.toContain(b);
      // an event code as NPR writes it: pathway type + letter (+ outcome), e.g. D11C or D11CP
      expect(all).not.toMatch(/\bD\d{2}[A-Z]{1,2}\b/);
      for (const code of codes) if (code.length > 1) expect(all).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
  });
});
