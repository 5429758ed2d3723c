import { purgeVisaDetails, settleWaitingLists } from '@/db/registrations';
import { logger } from '@/lib/log';

// Work that falls due with the clock rather than with a request: offers from a waiting list that expire unanswered,
// and visa-support details past their retention. Every app instance runs it once a minute; each step is idempotent
// or serialised by row locks in PostgreSQL, so any number of instances may run it at once.

const holder = globalThis as typeof globalThis & { __councilDeskHousekeeping?: NodeJS.Timeout };

export async function runHousekeeping(now = new Date()): Promise<{ purged: number }> {
  await settleWaitingLists(now);
  return { purged: await purgeVisaDetails(now) };
}

export function startHousekeeping(everyMs = 60_000): void {
  if (holder.__councilDeskHousekeeping) return;
  const tick = () =>
    runHousekeeping().then(
      ({ purged }) => {
        if (purged) logger.info({ purged }, 'housekeeping: visa-support details purged');
      },
      (error) => logger.error({ err: error }, 'housekeeping failed; trying again in a minute'),
    );
  void tick();
  holder.__councilDeskHousekeeping = setInterval(tick, everyMs);
  holder.__councilDeskHousekeeping.unref?.();
}
