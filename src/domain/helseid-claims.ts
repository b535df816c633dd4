// What HelseID says about a health worker, read from its claims: the HPR
// number (Helsepersonellregisteret, absent for staff without an
// authorisation) and the login's security level (4: e.g. BankID, required
// for patient data). The national id (`helseid://claims/identity/pid`) is not
// read: users are recognised by HPR number, and we keep no national ids of staff.

export const HELSEID_CLAIMS = {
  hprNumber: "helseid://claims/hpr/hpr_number",
  securityLevel: "helseid://claims/identity/security_level",
} as const;

/** An HPR number as stored and matched: digits only, 4 to 9 of them. */
export const HPR_NUMBER = /^\d{4,9}$/;

export interface HelseIdIdentity {
  hprNumber: string | null;
  securityLevel: number | null;
}

/** One string or number claim (an array of one counts as its element); null otherwise. */
function single(value: unknown): string | null {
  const one = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof one === "number" && Number.isInteger(one)) return String(one);
  return typeof one === "string" ? one.trim() : null;
}

export function helseIdIdentity(claims: Record<string, unknown>): HelseIdIdentity {
  const hpr = single(claims[HELSEID_CLAIMS.hprNumber]);
  const level = single(claims[HELSEID_CLAIMS.securityLevel]);
  return {
    hprNumber: hpr !== null && HPR_NUMBER.test(hpr) ? hpr : null,
    securityLevel: level !== null && /^[1-4]$/.test(level) ? Number(level) : null,
  };
}

/** A login without a security level, or below `min`, is refused. */
export const belowSecurityLevel = (level: number | null, min: number): boolean => level === null || level < min;
