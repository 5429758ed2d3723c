/** A gap staff should fill: Russian texts show the English name or acronym there (lib/organisation-label.ts). */
export function RussianGap({ children }: { children: React.ReactNode }) {
  return <span className="block text-xs font-medium text-warning-900">{children}</span>;
}
