import { notFound } from "next/navigation";
import { codeBookOn, DEADLINE_LABELS, PHASE_LABELS } from "@/domain/rules";
import { deadlineStatus } from "@/domain/deadline-text";
import { maskNationalId, NATIONAL_ID_KIND_LABELS, nationalIdKindOf } from "@/domain/national-id";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { NotFoundError } from "@/server/errors";
import { getPathwayDetail } from "@/server/pathways/detail";
import { earlierPathways } from "@/server/pathways/earlier";
import { currentRuleTables } from "@/server/rule-tables/load";
import { shownPatientName } from "@/server/pathways/shown-name";
import { NameCheckForm } from "./NameCheckForm";
import { DeadlineList } from "./DeadlineList";
import { EventTimeline } from "./EventTimeline";
import { NoticeList } from "./NoticeList";
import { EarlierPathways } from "./EarlierPathways";
import { RegisterCodeForm } from "./RegisterCodeForm";
import { codeCatalogue } from "./code-catalogue";
import { can, mayExplainNotice } from "@/domain/permissions";
import { CODES_RECORDED_IN_LABELS } from "@/server/units/codes-recorded-in";

export async function PathwayPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("patient.read");
  const { id } = await params;
  const now = today();
  const detail = await getPathwayDetail(actor, id, now).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { pathway, evaluation, concurrent } = detail;
  const notices = [...evaluation.notices, ...concurrent];
  // the codes and outcome lists in force today (rule tables)
  const catalogue = codeCatalogue(pathway.type, codeBookOn(await currentRuleTables(), now));
  const earlier = await earlierPathways(actor, pathway);
  const next = evaluation.nextDeadline;
  const nextStatus = next && deadlineStatus(next, now);
  // one record of each code: when the EPJ holds the unit's codes, the app's coding forms are off
  const codedInEpj = pathway.unit.codesRecordedIn === "EPJ";
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm text-slate-700">
          {pathway.unit.name} · Pakkeforløp {pathway.type} · {pathway.setting === "DOGN" ? "døgn" : "poliklinikk"}
        </p>
        <h1 className="text-2xl font-semibold">
          {shownPatientName(pathway)} <span className="font-mono text-lg text-slate-700">{maskNationalId(pathway.patient.nationalId)}</span>
          <NationalIdKind nationalId={pathway.patient.nationalId} />
        </h1>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-700">Fase</dt>
            <dd className="font-medium">{PHASE_LABELS[evaluation.phase]}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Ansvarlig behandler</dt>
            <dd className="font-medium">{pathway.responsibleClinician?.name ?? "Ikke tildelt"}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Forløpskoordinator</dt>
            <dd className="font-medium">{pathway.coordinator?.name ?? "–"}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Åpnet</dt>
            <dd className="font-medium">{formatNorwegianDate(pathway.openedDate)}</dd>
          </div>
          <div className="col-span-2 sm:col-span-4">
            <dt className="text-slate-700">Neste frist</dt>
            <dd className={`font-medium ${nextStatus?.tone === "late" ? "text-red-900" : ""}`}>
              {next && nextStatus ? nextDeadlineText(DEADLINE_LABELS[next.kind], formatNorwegianDate(next.due), nextStatus.text) : "Ingen åpen frist"}
            </dd>
          </div>
          {earlier.length > 0 && (
            <div className="col-span-2 sm:col-span-4">
              <dt className="text-slate-700">Tidligere forløp</dt>
              <dd className="font-medium">
                <a href="#tidligere-forlop" className="text-blue-800 underline">
                  {earlier.length === 1 ? "1 tidligere forløp" : `${earlier.length} tidligere forløp`} – se nedenfor
                </a>
              </dd>
            </div>
          )}
          <div>
            <dt className="text-slate-700">Koder</dt>
            <dd className="font-medium">{CODES_RECORDED_IN_LABELS[pathway.unit.codesRecordedIn]}</dd>
          </div>
        </dl>
      </header>

      {pathway.recordedPatientName !== null && can(actor.user.role, "patient.name.check") && (
        // A name discrepancy from the link step (patients/link.ts), for the
        // coordinator to resolve (patients/name-check.ts); never with the registered name.
        <section role="note" aria-labelledby="name-check-heading" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <h2 id="name-check-heading" className="font-semibold">Kontroller pasientens navn</h2>
          <p className="mt-1 text-sm">
            Navnet som ble skrevet inn da forløpet ble opprettet, er ikke det samme som navnet som er registrert på
            fødselsnummeret. Forløpet viser navnet som ble skrevet inn. Kontroller navnet mot folkeregisteret.
          </p>
          <NameCheckForm pathwayId={pathway.id} />
        </section>
      )}

      <EarlierPathways pathways={earlier} />

      <section aria-labelledby="referral-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="referral-heading" className="text-lg font-semibold">Henvisning</h2>
        <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-700">Mottatt</dt>
            <dd>{formatNorwegianDate(pathway.referral.receivedDate)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Vurdert</dt>
            <dd>{formatNorwegianDate(pathway.referral.assessedDate)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Henviser</dt>
            <dd>
              {pathway.referral.referrerName}
              {pathway.referral.referrerHpr && <span className="text-slate-700"> (HPR {pathway.referral.referrerHpr})</span>}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">Rett til helsehjelp</dt>
            <dd>{pathway.referral.rightToCare === null ? "Ikke vurdert" : pathway.referral.rightToCare ? "Ja" : "Nei"}</dd>
          </div>
        </dl>
      </section>

      {codedInEpj && (
        <section role="note" aria-labelledby="coded-in-epj-heading" className="rounded border border-sky-300 bg-sky-50 p-4 text-sky-950">
          <h2 id="coded-in-epj-heading" className="font-semibold">Kodes i pasientjournalen</h2>
          <p className="mt-1 text-sm">
            {pathway.unit.name} registrerer pakkeforløpskodene i pasientjournalen (EPJ). Koder registreres og rettes der, og
            kommer hit med neste import fra EPJ.
          </p>
        </section>
      )}
      {!codedInEpj && can(actor.user.role, "event.create") && evaluation.phase !== "closed" && (
        <div id="registrer-kode" className="scroll-mt-4">
          <RegisterCodeForm
            pathwayId={pathway.id}
            pathwayType={pathway.type}
            today={now}
            suggestions={evaluation.nextExpectedCodes}
            catalogue={catalogue}
          />
        </div>
      )}
      <DeadlineList deadlines={evaluation.deadlines} today={now} />
      <NoticeList
        pathwayId={pathway.id}
        notices={notices}
        explanations={pathway.noticeExplanations}
        canExplain={mayExplainNotice(actor.user, pathway)}
        closed={evaluation.phase === "closed"}
      />
      <EventTimeline pathwayId={pathway.id} events={pathway.events} canAnnul={!codedInEpj && can(actor.user.role, "event.annul")} />
    </article>
  );
}

/** A D- or H-nummer is named: an H-nummer is temporary and should be replaced by the patient's real id. */
function NationalIdKind({ nationalId }: { nationalId: string }) {
  const kind = nationalIdKindOf(nationalId);
  if (kind !== "d-nummer" && kind !== "h-nummer") return null;
  return <span className="ml-2 text-base font-normal text-slate-700">({NATIONAL_ID_KIND_LABELS[kind]})</span>;
}

/** "Basisutredning: 32 dager igjen (frist 02.01.2027)"; the due date is added where the status does not name it. */
function nextDeadlineText(label: string, due: string, status: string): string {
  return status.includes(due) ? `${label}: ${status}` : `${label}: ${status} (frist ${due})`;
}
