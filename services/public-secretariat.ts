import 'server-only';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { getSecretariat } from '@/db/councils';
import type { Locale } from '@/lib/datetime';
import { mailFromAddress } from '@/lib/env';
import { organisationName } from '@/lib/organisation-label';
import { isBuildPhase } from '@/lib/summary/public';

// A page's header, metadata and body all ask: one query per request.
const secretariatOfRequest = cache(() => getSecretariat());

/**
 * Who delegates and the public deal with, in `locale`: the council's secretariat organisation (the product's name
 * until staff name one) and the address to write to (the sending address until an admin gives one). The news pages'
 * build-time render has no database: it names the product until the page is regenerated.
 */
export async function publicSecretariat(locale: Locale): Promise<{ name: string; email: string }> {
  const { organisation, contactEmail } = isBuildPhase()
    ? { organisation: null, contactEmail: null }
    : await secretariatOfRequest();
  const name = organisation
    ? organisationName(organisation, locale)
    : (await getTranslations({ locale, namespace: 'Site' }))('name');
  return { name, email: contactEmail ?? mailFromAddress() };
}
