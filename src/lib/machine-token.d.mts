// Types of machine-token.mjs (plain JavaScript so that scripts/start.mjs can run it).
export interface MachineToken {
  token: string;
  tokenId: string;
  tokenHash: string;
}
export declare function hashToken(token: string): string;
export declare function tokenIdOf(token: string): string | null;
export declare function tokenMatches(token: string, storedHash: string): boolean;
export declare function newToken(): MachineToken;
export declare function demoClientToken(authSecret: string): MachineToken;
