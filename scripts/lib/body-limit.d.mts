/** The import API's 413 message (src/server/epj-import/schema.ts has the same text). */
export declare const IMPORT_TOO_LARGE: string;

/** True when the request was answered here (413); the caller must not hand it on. */
export declare function refuseOversizedBody(
  request: { url?: string; headers: Record<string, string | string[] | undefined>; resume(): unknown },
  response: { writeHead(status: number, headers?: Record<string, string | number>): unknown; end(body: string): unknown },
  limit?: number,
): boolean;
