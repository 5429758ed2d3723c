export async function register() {
  // Start-up work belongs to the Node server only: not the edge runtime, and not `next build`'s workers.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // From here on, what Next and libraries print goes through the logger's redaction too.
  const { routeConsoleToLogger } = await import('./lib/log');
  routeConsoleToLogger();
  const { startApp } = await import('./services/startup');
  await startApp();
}
