export function auditProblems(
  report: { vulnerabilities?: Record<string, { range?: string; via?: unknown[] }> },
  exceptions: { advisory: string; package: string; reason: string; until: string }[],
  today: string,
): string[];
