export function e2eDatabaseUrl(serverUrl: string): string;
