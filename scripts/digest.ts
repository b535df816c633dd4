// `npm run digest -- [--user e-mail] [--dry-run]`: today's daily digests now,
// for operations and tests (the server sends them by itself at each user's
// time). Without --user: every user with the digest on who has not had
// today's yet, whatever their time of day; recorded like the server's, so
// nobody gets two. --user: that user's digest, also when their setting is off
// or nothing is due (the mail then says so); an operator's test, not recorded.
// --dry-run: prints the mails (counts and links, never patient data) instead.
import { createPrismaClient, pgPool } from "@/server/db";
import { now as clockNow, today } from "@/server/clock";
import { sqlOf } from "@/server/sql";
import { computeAllDigests, digestConfigFromEnv, digestForUser, runDigestPass, smtpSender } from "@/server/notifications/digest";
import { env } from "@/server/env";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const userIndex = args.indexOf("--user");
const email = userIndex >= 0 ? args[userIndex + 1] : undefined;
if (userIndex >= 0 && (!email || email.startsWith("--"))) {
  console.error("Bruk: npm run digest -- [--user e-post] [--dry-run]");
  process.exit(2);
}

const prisma = createPrismaClient(undefined, { timeouts: "job" });
const day = today();
const now = clockNow();
const config = digestConfigFromEnv();
const baseUrl = config?.baseUrl ?? env("FORLOPSVAKT_PUBLIC_URL") ?? `http://localhost:${env("PORT")}`;
const print = (to: string, mail: { subject: string; text: string }) => console.log(`Til: ${to}\nEmne: ${mail.subject}\n\n${mail.text}\n---`);
try {
  if (!config && !dryRun) {
    console.error("SMTP_URL er ikke satt: den daglige e-posten er av. Sett SMTP_URL (og SMTP_FROM), eller bruk --dry-run.");
    process.exitCode = 1;
  } else if (email) {
    const result = await digestForUser(sqlOf(prisma), email, { day, now, baseUrl });
    if (!result) {
      console.error(`Fant ingen bruker med e-post ${email}.`);
      process.exitCode = 1;
    } else {
      if (result.empty) console.log(`${result.user.email} har ingen varsler i dag; e-posten sier det.`);
      if (dryRun) print(result.user.email, result.mail);
      else {
        await smtpSender(config!)({ ...result.mail, to: result.user.email });
        console.log(`Sendt til ${result.user.email}.`);
      }
    }
  } else if (dryRun) {
    const all = await computeAllDigests(sqlOf(prisma), { day, now, baseUrl, onlyEnabled: true });
    for (const { email: to, mail } of all) {
      if (mail) print(to, mail);
      else console.log(`${to}: ingenting å si i dag, ingen e-post.`);
    }
    console.log(`${all.length} brukere med daglig e-post på.`);
  } else {
    const result = await runDigestPass(pgPool(prisma), { day, now, config: config!, ignoreTime: true });
    if (result.status === "busy") {
      console.error("En annen utsending kjører nå (serveren eller en annen npm run digest). Prøv igjen om litt.");
      process.exitCode = 1;
    } else {
      console.log(`Daglig e-post for ${day}: ${result.sent} sendt, ${result.empty} uten noe å si, ${result.retrying} prøves igjen, ${result.failed} feilet.`);
    }
  }
} catch (error) {
  console.error(`Daglig e-post feilet: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
