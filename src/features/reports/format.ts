export const NATIONAL_TARGET = 0.8;

/** "83 %" (Norwegian: a space before the sign), or a dash when nothing was measured. */
export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)} %`;
}

export function belowTarget(share: number | null): boolean {
  return share !== null && share < NATIONAL_TARGET;
}
