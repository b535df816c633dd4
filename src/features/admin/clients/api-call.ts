import { SESSION_EXPIRED, SESSION_EXPIRED_MESSAGE } from "@/lib/session-expired";

// The machine-client forms call the administrator's API (/api/v1/admin/clients)
// with the session cookie: one write path for the page and for scripts.

export type ApiCallResult<T> = { ok: true; body: T } | { ok: false; code: string; message: string };

export async function postJson<T>(url: string, body?: unknown): Promise<ApiCallResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: "network", message: "Fikk ikke kontakt med serveren. Ingenting ble lagret. Prøv igjen." };
  }
  const answer = (await response.json().catch(() => null)) as { error?: string; message?: string; fieldErrors?: Record<string, string[]> } | null;
  if (response.ok) return { ok: true, body: answer as T };
  if (response.status === 401) return { ok: false, code: SESSION_EXPIRED, message: SESSION_EXPIRED_MESSAGE };
  const fields = Object.values(answer?.fieldErrors ?? {}).flat();
  return { ok: false, code: answer?.error ?? "error", message: [answer?.message ?? "Noe gikk galt. Prøv igjen.", ...fields].join(" ") };
}
