"use client";
import { useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { SESSION_EXPIRED, SESSION_EXPIRED_MESSAGE } from "@/lib/session-expired";
import type { ImportJobView } from "@/server/epj-import/job";
import { lookAtImport, type Progress } from "./job-progress";
import { RefusedTable } from "./RefusedTable";

// An import's progress, read from its stored job: while it runs the page asks
// the import API each second (a reload finds the same job through ?jobb=),
// and renders the page again once the job has ended. An ended session stops
// the asking and is said here, with a login link back to this page; the
// import itself runs on.

type Job = Omit<ImportJobView, "createdAt" | "unit" | "result"> & { createdAt: string };

export function JobStatus({ job }: { job: Job }) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress>(job);
  const [expired, setExpired] = useState(false);
  const running = job.status === "RUNNING";
  // one question at a time, the next a second after the last answer, and one refresh when the job
  // has ended: a fixed interval of refreshes started one while the previous was still rendering,
  // and the router drops the older one, so on a busy server no answer ever arrived
  const [, startRefresh] = useTransition();
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      const look = await lookAtImport(job.id);
      if (stopped) return;
      if (look.kind === SESSION_EXPIRED) {
        setExpired(true);
        return;
      }
      if (look.kind === "progress") {
        setProgress(look.progress);
        if (look.progress.status !== "RUNNING") {
          startRefresh(() => router.refresh());
          return;
        }
      }
      timer = setTimeout(ask, 1000);
    };
    timer = setTimeout(ask, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [running, job.id, router]);
  const c = job.report?.counts;
  return (
    <div className="mt-6 space-y-4">
      <h2 className="text-xl font-semibold">Import av {job.fileName} til {job.unitName}</h2>
      {running && (
        <div role="status" aria-live="polite">
          <p>Importen pågår: {progress.rowsDone} av {progress.rowsTotal} rader, {progress.pathwaysDone} av {progress.pathwaysTotal} forløp.</p>
          <progress className="mt-2 w-full" max={Math.max(progress.rowsTotal, 1)} value={progress.rowsDone} aria-label="Fremdrift for importen" />
        </div>
      )}
      {expired && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {SESSION_EXPIRED_MESSAGE} Importen fortsetter likevel.
          <SessionExpiredLink code={SESSION_EXPIRED} then="– der ser du fremdriften videre." />
        </p>
      )}
      {(job.status === "FAILED" || job.status === "STOPPED") && <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">{job.error ?? "Importen stoppet."}</p>}
      {job.status === "DONE" && c && (
        <div role="status">
          <p className="font-medium">
            Importen er ferdig: {c.eventsCreated} nye, {c.eventsCorrected} endret, {c.eventsUnchanged} uendret.
          </p>
          <p>
            Forløp opprettet: {c.pathwaysCreated}. Avviste rader: {c.rowsRefused}. Finnes ikke i uttrekket: {c.missingFromFile}.
          </p>
          {job.report && <RefusedTable refused={job.report.refused} />}
          {job.report && job.report.missing.length > 0 && (
            <div className="mt-3">
              <h3 className="font-semibold">Finnes ikke i uttrekket (slettes ikke, se over dem)</h3>
              <ul className="list-disc pl-6">
                {job.report.missing.map((m) => (
                  <li key={`${m.pathwayId}|${m.eventId}`}>Forløp {m.pathwayId}: hendelse {m.eventId}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="mt-3 flex gap-4">
            <Link href="/arbeidsliste" className="underline">Til arbeidslisten</Link>
            <Link href="/import" className="underline">Importer en fil til</Link>
          </p>
        </div>
      )}
    </div>
  );
}
