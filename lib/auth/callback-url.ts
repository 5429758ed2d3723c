/** Where to go after signing in: a path on the staff site, never another origin (no open redirects). */
export function safeCallbackPath(value: string | undefined): string {
  if (!value || !value.startsWith('/staff') || value.startsWith('//') || value.includes('\\')) return '/staff';
  return value;
}
