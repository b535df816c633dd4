"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { postJson } from "./api-call";

/** Revokes a machine client after a confirmation: its next call is refused. */
export function RevokeClientButton({ clientId, name }: { clientId: string; name: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    if (!window.confirm(`Tilbakekalle «${name}»? Klienten mister tilgangen med en gang, og nøkkelen kan ikke brukes igjen.`)) return;
    startTransition(async () => {
      const result = await postJson(`/api/v1/admin/clients/${encodeURIComponent(clientId)}/revoke`);
      if (!result.ok) return setFailure(result);
      setFailure(null);
      router.refresh();
    });
  }

  return (
    <>
      <button type="button" onClick={revoke} disabled={pending} className="mt-1 rounded border border-red-800 px-2 py-0.5 text-red-800 disabled:opacity-60">
        Tilbakekall<span className="sr-only"> {name}</span>
      </button>
      {failure && (
        <p role="alert" className="text-red-800">
          {failure.message}
          <SessionExpiredLink code={failure.code} />
        </p>
      )}
    </>
  );
}
