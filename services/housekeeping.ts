import { resumeStalledImports } from '@/db/contact-import';
import { purgeVisaDetails, settleWaitingLists } from '@/db/registrations';
import { logger } from '@/lib/log';

// Work that falls due with the clock rather than with a request: offers from a waiting list that expire unanswered,
// visa-support details past their retention, and contact imports whose instance died half way. Every app instance
// runs it once a minute; each step is idempotent or serialised by row locks in PostgreSQL, so any number of instances
// may run it at once.

const holder = globalThis as typeof globalThis & { __councilDeskHousekeeping?: NodeJS.Timeout };

export async function runHousekeeping(now = new Date()): Promise<{ purged: number; resumedImports: number }> {
  await settleWaitingLists(now);
  const purged = await purgeVisaDetails(now);
  return { purged, resumedImports: await resumeStalledImports(now) };
}

export function startHousekeeping(everyMs = 60_000): void {
  if (holder.__councilDeskHousekeeping) return;
  const tick = () =>
    runHousekeeping().then(
      ({ purged, resumedImports }) => {
        if (purged) logger.info({ purged }, 'housekeeping: visa-support details purged');
        if (resumedImports) logger.info({ resumedImports }, 'housekeeping: stalled contact imports taken up');
      },
      (error) => logger.error({ err: error }, 'housekeeping failed; trying again in a minute'),
    );
  void tick();
  holder.__councilDeskHousekeeping = setInterval(tick, everyMs);
  holder.__councilDeskHousekeeping.unref?.();
}
