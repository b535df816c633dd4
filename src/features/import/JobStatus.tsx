"use client";
import { useEffect, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ImportJobView } from "@/server/epj-import/job";
import { RefusedTable } from "./RefusedTable";

// An import's progress, read from its stored job: while it runs the page asks
// again each second (a reload finds the same job through ?jobb=).

type Job = Omit<ImportJobView, "createdAt" | "unit" | "result"> & { createdAt: string };

export function JobStatus({ job }: { job: Job }) {
  const router = useRouter();
  const running = job.status === "RUNNING";
  // one refresh at a time, the next a second after the last one arrived: a fixed interval
  // started a refresh while the previous was still rendering, and the router drops the older
  // one, so on a busy server (each render over a second) no answer ever arrived
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (!running || refreshing) return;
    const timer = setTimeout(() => startRefresh(() => router.refresh()), 1000);
    return () => clearTimeout(timer);
  }, [running, refreshing, router]);
  const c = job.report?.counts;
  return (
    <div className="mt-6 space-y-4">
      <h2 className="text-xl font-semibold">Import av {job.fileName} til {job.unitName}</h2>
      {running && (
        <div role="status" aria-live="polite">
          <p>Importen pågår: {job.rowsDone} av {job.rowsTotal} rader, {job.pathwaysDone} av {job.pathwaysTotal} forløp.</p>
          <progress className="mt-2 w-full" max={Math.max(job.rowsTotal, 1)} value={job.rowsDone} aria-label="Fremdrift for importen" />
        </div>
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
