import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { ActionForm } from '@/components/action-form';
import { Card, Notice, PageHeader } from '@/components/ui';
import { openDelegationLink } from '@/db/delegations';
import { formatDateTime, formatDateTimeRange } from '@/lib/datetime';
import { pageLocale } from '@/lib/i18n/page-locale';
import { meetingPlace } from '@/lib/mail/invitation-email';
import { publicSecretariat } from '@/services/public-secretariat';
import { actionWords } from '../../i/[token]/messages';
import { decideProposalAction, nominateAction, replaceAction } from './actions';
import { delegationTranslator, nomineeFieldWords } from './messages';
import { NomineeFields } from './nominee-fields';

// Reached by the delegation link in the focal point's email. Opening it (any number of times: mail scanners open
// links first) changes nothing; nominations, replacements and decisions on substitutes are POSTs from this page,
// which works without JavaScript.

export async function generateMetadata({ params }: PageProps<'/[locale]/d/[token]'>): Promise<Metadata> {
  const { locale } = await params;
  const t = delegationTranslator(locale === 'ru' ? 'ru' : 'en');
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function DelegationPage({ params, searchParams }: PageProps<'/[locale]/d/[token]'>) {
  await connection();
  const locale = await pageLocale(params);
  const { token } = await params;
  const t = delegationTranslator(locale);
  const i = await getTranslations({ locale, namespace: 'Invitation' });
  const secretariat = await publicSecretariat(locale);
  const contact = { secretariat: secretariat.name, email: secretariat.email };
  const lookup = await openDelegationLink(token);

  if (!lookup.ok) {
    return (
      <>
        <PageHeader title={t('unavailable.title')} />
        <p className="mt-3">{t(`unavailable.${lookup.reason}`)}</p>
        <p className="mt-3">{i('unavailable.contact', contact)}</p>
      </>
    );
  }

  const { delegation, meeting, members, proposals, open, until, taken, focalPointName } = lookup.opened;
  const words = actionWords(locale);
  const fieldWords = nomineeFieldWords(locale);
  const addressee = locale === 'ru' ? delegation.addresseeRu : delegation.addresseeEn;
  return (
    <>
      <p className="text-sm text-slate-700">{t('title')}</p>
      <PageHeader title={locale === 'ru' ? meeting.titleRu : meeting.titleEn} className="mt-1" />
      <p className="mt-2">
        {formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale)} ·{' '}
        {meetingPlace(meeting, locale)}
      </p>
      {(await searchParams).done === 'replaced' && (
        <Notice tone="success" size="md" role="status" className="mt-3">
          {t('replaced')}
        </Notice>
      )}
      <p className="mt-4">{i('greeting', { name: focalPointName })}</p>
      <p className="mt-2">{t('intro', { addressee, quota: delegation.quota })}</p>
      {open ? (
        <p className="mt-2 font-medium">
          {t('deadline', { deadline: formatDateTime(until, meeting.timeZone, locale) })}
        </p>
      ) : (
        <Notice tone="warning" size="md" role="status" className="mt-3">
          {t('closed')}
        </Notice>
      )}

      <section aria-labelledby="members" className="mt-6">
        <h2 id="members" className="text-lg font-semibold">
          {t('members')}
        </h2>
        <p className="text-sm text-slate-700">{t('places', { used: taken, quota: delegation.quota })}</p>
        {members.length === 0 ? (
          <p className="mt-2">{t('noMembers')}</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {members.map((m) => (
              <li key={m.id}>
                <Card as="div">
                  <p className="font-semibold">
                    {[m.title, m.displayName].filter(Boolean).join(' ')}
                    {m.head && <span className="font-normal"> · {t('head')}</span>}
                  </p>
                  <p className="text-sm">
                    {m.passportName}
                    {m.position && ` · ${m.position}`} · <span className="break-all">{m.email}</span>
                  </p>
                  {m.substituteFor && <p className="text-sm">{t('substituteFor', { name: m.substituteFor })}</p>}
                  <p className="mt-1 text-sm font-medium">{t(`state.${m.state}`)}</p>
                  {open && (m.status === 'invited' || m.status === 'pending') && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm underline">{t('replace')}</summary>
                      <p className="mt-2 text-sm">{t('replaceHint')}</p>
                      <div className="mt-2">
                        <ActionForm
                          action={replaceAction.bind(null, token, locale, m.id)}
                          submitLabel={t('replaceSubmit')}
                          words={words}
                          fieldWords={fieldWords}
                          className="flex flex-col items-start gap-3"
                        >
                          <NomineeFields prefix={`replace-${m.id}`} locale={locale} />
                        </ActionForm>
                      </div>
                    </details>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      {proposals.length > 0 && (
        <section aria-labelledby="proposals" className="mt-6">
          <h2 id="proposals" className="text-lg font-semibold">
            {t('proposals')}
          </h2>
          <ul className="mt-2 space-y-3">
            {proposals.map((p) => (
              <li key={p.id}>
                <Card as="div">
                  <p>
                    {t('proposal', { member: p.member, name: p.name, position: p.position || '—', email: p.email })}
                  </p>
                  {open && (
                    <div className="mt-2 flex flex-wrap gap-2">
                      <ActionForm
                        action={decideProposalAction.bind(null, token, locale, p.id, 'accept')}
                        submitLabel={t('accept')}
                        words={words}
                      />
                      <ActionForm
                        action={decideProposalAction.bind(null, token, locale, p.id, 'refuse')}
                        submitLabel={t('refuse')}
                        words={words}
                        variant="secondary"
                      />
                    </div>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}

      {open && (
        <Card as="section" aria-labelledby="nominate" className="mt-6">
          <h2 id="nominate" className="text-lg font-semibold">
            {t('nominate')}
          </h2>
          <div className="mt-3">
            <ActionForm
              action={nominateAction.bind(null, token, locale)}
              submitLabel={t('nominateSubmit')}
              words={words}
              fieldWords={fieldWords}
              className="flex flex-col items-start gap-3"
            >
              <NomineeFields prefix="nominate" locale={locale} />
            </ActionForm>
          </div>
        </Card>
      )}
      <p className="mt-6 text-sm text-slate-700">{t('personal')}</p>
      <p className="mt-2 text-sm text-slate-700">{i('contact', contact)}</p>
    </>
  );
}
