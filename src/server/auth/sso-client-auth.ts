import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { clientSigningKey, type SsoSettings } from "./sso-settings";

// How Forløpsvakt proves it is the registered client at the provider's token
// and PAR endpoints: a client secret (HTTP Basic), or for HelseID a signed
// client assertion (private_key_jwt, RFC 7523) made with the client's private
// key. The assertion's audience is the issuer alone (what HelseID asks for and
// FAPI 2.0 recommends; Auth.js's own would name the token endpoint too).

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

async function clientAssertion(settings: SsoSettings, nowSeconds: number): Promise<string> {
  if (settings.clientAuth.method !== "private_key_jwt") throw new Error("no private key");
  const { jwk } = settings.clientAuth;
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: jwk.alg, typ: "JWT", ...(jwk.kid ? { kid: jwk.kid } : {}) })
    .setIssuer(settings.clientId)
    .setSubject(settings.clientId)
    .setAudience(settings.issuer)
    .setIssuedAt(nowSeconds)
    .setNotBefore(nowSeconds)
    .setExpirationTime(nowSeconds + 60)
    .sign(await clientSigningKey(jwk));
}

/** Adds the client's credentials to a request to the token or PAR endpoint (its form body and headers). */
export async function authenticateClient(settings: SsoSettings, body: URLSearchParams, headers: Headers): Promise<void> {
  body.set("client_id", settings.clientId);
  if (settings.clientAuth.method === "client_secret_basic") {
    const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
    headers.set("authorization", `Basic ${btoa(`${encode(settings.clientId)}:${encode(settings.clientAuth.secret)}`)}`);
    return;
  }
  body.set("client_assertion_type", ASSERTION_TYPE);
  body.set("client_assertion", await clientAssertion(settings, Math.floor(Date.now() / 1000)));
}
