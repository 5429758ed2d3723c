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
 * The secretariat's name in `locale`: the council's secretariat organisation (the product's name until staff name
 * one). The news pages' build-time render has no database and no runtime settings: it names the product until the
 * page is regenerated.
 */
export async function secretariatName(locale: Locale): Promise<string> {
  const { organisation } = isBuildPhase() ? { organisation: null } : await secretariatOfRequest();
  return organisation
    ? organisationName(organisation, locale)
    : (await getTranslations({ locale, namespace: 'Site' }))('name');
}

/** Who delegates and the public deal with: the secretariat's name, and the address to write to (the sending address
 * until an admin gives one). For pages served per request. */
export async function publicSecretariat(locale: Locale): Promise<{ name: string; email: string }> {
  const [name, { contactEmail }] = await Promise.all([secretariatName(locale), secretariatOfRequest()]);
  return { name, email: contactEmail ?? mailFromAddress() };
}
