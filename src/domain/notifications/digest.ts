import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { KIND_ORDER, type NotificationKind } from "./index";

// The daily e-mail digest's words: counts and links only. E-mail is not a
// safe channel for health data (Normen), so nothing here takes a patient, a
// national id, a birth date or an event code: the input is numbers per kind.

export const DIGEST_KIND_LABELS: Record<NotificationKind, string> = {
  NOTICE: "koder du registrerte som venter på begrunnelse",
  DEADLINE: "frister på dine forløp (innen horisonten eller passert)",
  LEGAL_DEADLINE: "juridiske frister i dine enheter (nær eller passert)",
  REFERRAL: "henvisninger nær eller over 10 virkedager",
  ASSIGNED: "forløp nylig tildelt deg",
};

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** null: nothing to say (no mail that day), unless `always` (npm run digest -- --user). */
export function composeDigest(input: { day: IsoDate; counts: Partial<Record<NotificationKind, number>>; baseUrl: string; always?: boolean }): DigestMail | null {
  const base = input.baseUrl.replace(/\/+$/, "");
  const lines = KIND_ORDER.flatMap((kind) => {
    const n = Math.trunc(input.counts[kind] ?? 0);
    return n > 0 ? [{ kind, n, text: `${n} ${DIGEST_KIND_LABELS[kind]}` }] : [];
  });
  const total = lines.reduce((sum, l) => sum + l.n, 0);
  if (total === 0 && !input.always) return null;
  const date = formatNorwegianDate(input.day);
  const subject = total === 0 ? `Forløpsvakt ${date}: ingen varsler` : `Forløpsvakt ${date}: ${total} ${total === 1 ? "varsel" : "varsler"}`;
  const link = `${base}/varsler`;
  const settings = `${base}/innstillinger`;
  const intro = total === 0 ? "Du har ingen varsler i Forløpsvakt i dag." : `Du har ${total} ${total === 1 ? "varsel" : "varsler"} i Forløpsvakt i dag:`;
  const footer = "E-posten inneholder ingen pasientopplysninger. Logg inn for å se detaljene.";
  const text = [
    "Hei,",
    "",
    intro,
    ...lines.map((l) => `- ${l.text}`),
    "",
    `Se varslene: ${link}`,
    "",
    footer,
    `Endre eller slå av den daglige e-posten: ${settings}`,
    "",
  ].join("\n");
  const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
<p>Hei,</p>
<p>${escapeHtml(intro)}</p>
${lines.length ? `<ul>${lines.map((l) => `<li>${escapeHtml(l.text)}</li>`).join("")}</ul>` : ""}
<p><a href="${escapeHtml(link)}">Se varslene i Forløpsvakt</a></p>
<p>${escapeHtml(footer)}<br><a href="${escapeHtml(settings)}">Endre eller slå av den daglige e-posten</a></p>
</body></html>`;
  return { subject, text, html };
}
