// The header proxy.ts sets on every request it passes on: the path and query
// the browser asked for, so a page whose session ended can send the user to
// login and back to the same address (src/server/auth/guard.ts).
export const REQUEST_PATH_HEADER = "x-forlopsvakt-path";
