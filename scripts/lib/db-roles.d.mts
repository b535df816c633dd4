// Types of db-roles.mjs for the TypeScript tests.
export const DEFAULT_APP_ROLE: string;
export function grantStatements(role: string, database: string): string[];
export function ensureAppRole(ownerUrl: string, options?: { role?: string; password?: string }): Promise<string>;
