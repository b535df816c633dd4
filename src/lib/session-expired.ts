// The answer a server action gives when the request has no live session, and
// its words: shared by the server (src/server/actions/result.ts) and the forms
// that show it in place (src/features/shell/ActionFailureNotice.tsx).
export const SESSION_EXPIRED = "session_expired";
export const SESSION_EXPIRED_MESSAGE = "Økten er utløpt – logg inn igjen.";
