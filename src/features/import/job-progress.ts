import { SESSION_EXPIRED } from "@/lib/session-expired";

// One look at a running import's stored progress, through the import API
// (GET /api/v1/imports/{id}, with the session cookie). An ended session is an
// answer of its own (401), so the page can say so in place instead of being
// sent to the login page in the middle of an import; any other trouble is
// "ask again next time".

export type Progress = { status: string; rowsDone: number; rowsTotal: number; pathwaysDone: number; pathwaysTotal: number };
export type ProgressLook = { kind: "progress"; progress: Progress } | { kind: typeof SESSION_EXPIRED } | { kind: "unknown" };

export async function lookAtImport(jobId: string): Promise<ProgressLook> {
  try {
    const response = await fetch(`/api/v1/imports/${encodeURIComponent(jobId)}`, { cache: "no-store" });
    if (response.status === 401) return { kind: SESSION_EXPIRED };
    if (!response.ok) return { kind: "unknown" };
    const body = (await response.json()) as { status: string; progress: Omit<Progress, "status"> };
    return { kind: "progress", progress: { status: body.status, ...body.progress } };
  } catch {
    return { kind: "unknown" };
  }
}
