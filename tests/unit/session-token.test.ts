import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "@/server/auth/session-token";

// Our session-token codec caches the derived key; the tokens must stay those
// of Auth.js, so sessions issued before a deploy (or by Auth.js itself) hold.
const secret = "test-secret-not-for-production-0123456789";
const salt = "authjs.session-token";
const token = { sub: "user-1", email: "a@b.no", name: "Kari", loginAt: 1_700_000_000, lastActivity: 1_700_000_100 };

describe("session tokens", () => {
  it("are read by Auth.js's own decoder, and ours reads Auth.js's tokens", async () => {
    const ours = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    expect(await decode({ token: ours, secret, salt })).toMatchObject(token);
    const theirs = await encode({ token, secret, salt, maxAge: 1800 });
    expect(await decodeSessionToken({ token: theirs, secret, salt })).toMatchObject(token);
  });

  it("expire after maxAge", async () => {
    const encoded = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    const decoded = await decodeSessionToken({ token: encoded, secret, salt });
    expect(decoded!.exp! - decoded!.iat!).toBe(1800);
  });

  it("are refused with another secret or another cookie name, also after the key was cached", async () => {
    const encoded = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    await expect(decodeSessionToken({ token: encoded, secret: "another-secret-0123456789abcdef0123", salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token: encoded, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
    expect(await decodeSessionToken({ token: encoded, secret, salt })).toMatchObject(token);
  });

  it("are read during a secret rotation (old secret second in the list)", async () => {
    const encoded = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    expect(await decodeSessionToken({ token: encoded, secret: ["new-secret-0123456789abcdef0123456789", secret], salt })).toMatchObject(token);
  });

  it("an empty token is no session", async () => {
    expect(await decodeSessionToken({ token: "", secret, salt })).toBeNull();
  });
});
