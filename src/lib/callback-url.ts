// Where the login page sends a user back to: a path of this site only. A
// `callbackUrl` is user input in a link anyone can craft, so anything that
// could leave the site (an absolute URL, a protocol-relative `//host`, a
// backslash that browsers read as a slash, control characters) is refused and
// the user lands on their home page instead. The login page itself is refused
// too (no loop).

const MAX_LENGTH = 2000;

/** The same-origin path (with query and fragment) to return to after login, or null. */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, "http://same.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://same.invalid") return null;
  // dot segments are resolved by the parse: "/.//evil.example" becomes "//evil.example",
  // which a browser reads as another site
  if (url.pathname.startsWith("//") || url.pathname.includes("\\")) return null;
  if (url.pathname === "/login" || url.pathname.startsWith("/login/") || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page's address for coming back to `path` (the current page) afterwards. */
export function loginUrlFor(path: string): string {
  const back = safeCallbackPath(path);
  return back && back !== "/" ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login";
}
