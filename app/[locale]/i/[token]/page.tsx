import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { ActionFieldErrors, ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
import { Card, Notice, PageHeader } from '@/components/ui';
import { getPublishedProgramme } from '@/db/public-meetings';
import { MeetingProgramme } from '@/components/meeting-programme';
import { listDocumentsFor } from '@/db/meeting-documents';
import { MeetingDocumentsList } from '@/components/meeting-documents-list';
import { openInvitationLink } from '@/db/invitations';
import { formatDateTime, formatDateTimeRange } from '@/lib/datetime';
import { getPathname } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { meetingPlace, invitationTranslator } from '@/lib/mail/invitation-email';
import { ACTIVE_REGISTRATION } from '@/db/registrations';
import { countryOptions, territoryOptions } from '@/lib/countries';
import { registrationDetails } from '@/lib/schemas/registration';
import type { Gender } from '@/lib/domain';
import {
  acceptInvitationAction,
  cancelRegistrationAction,
  declineInvitationAction,
  registerAction,
  takeSeatAction,
} from './actions';
import { RegistrationForm } from './registration-form';
import { SubstituteFields } from './substitute-fields';
import { releasedParticipantList } from './released-participant-list';
import { DONE } from './done';
import { publicSecretariat } from '@/services/public-secretariat';
import { actionWords } from './messages';
import { PageNotice } from '@/components/form-status';
import { ReaderLocalTime } from '@/components/reader-local-time';
import { ConfirmStep } from '@/components/confirm-step';

// Reached by the personal link in an invitation email. Opening it (GET, HEAD, any number of times: mail scanners
// open links first) changes nothing; the invitee's answer is a POST from this page. Works without JavaScript.

export async function generateMetadata({ params }: PageProps<'/[locale]/i/[token]'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale === 'ru' ? 'ru' : 'en', namespace: 'Invitation' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function InvitationPage({ params, searchParams }: PageProps<'/[locale]/i/[token]'>) {
  await connection();
  const locale = await pageLocale(params);
  const { token } = await params;
  const t = await getTranslations({ locale, namespace: 'Invitation' });
  const lookup = await openInvitationLink(token);
  const secretariat = await publicSecretariat(locale);
  const contact = { secretariat: secretariat.name, email: secretariat.email };

  if (!lookup.ok) {
    return (
      <>
        <PageHeader title={t('unavailable.title')} />
        <p className="mt-3">{t(`unavailable.${lookup.reason}`)}</p>
        <p className="mt-3">{t('unavailable.contact', contact)}</p>
      </>
    );
  }

  const { meeting, invitation, name, agenda, answerUntil, state, registration, substituteFor } = lookup.opened;
  // What the link's state allows (the invitation page lists the published agenda), as the public page shows it.
  const [programme, documents, participantList] = await Promise.all([
    agenda.length ? getPublishedProgramme(meeting.id) : [],
    listDocumentsFor({ meetingId: meeting.id, audience: 'delegate', token, locale }),
    registration?.status === 'registered'
      ? releasedParticipantList({ token, meetingId: meeting.id, timeZone: meeting.timeZone, locale })
      : null,
  ]);
  const roleName = invitationTranslator(locale)(`role.${invitation.role}`);
  const title = locale === 'ru' ? meeting.titleRu : meeting.titleEn;
  const until = formatDateTime(answerUntil, meeting.timeZone, locale);
  const r = await getTranslations({ locale, namespace: 'Registration' });
  const home = await getTranslations({ locale, namespace: 'Home' });
  const s = await getTranslations({ locale, namespace: 'Substitute' });
  // The action wrapper's refusals, in the page's language.
  const words = actionWords(locale);
  const active = registration !== null && ACTIVE_REGISTRATION.includes(registration.status);
  const canCancel = active && new Date() < meeting.startsAt;
  const formProps = {
    action: registerAction.bind(null, token, locale),
    email: invitation.email,
    countries: countryOptions(locale),
    territories: territoryOptions(locale),
    visaSupport: meeting.visaSupport,
    hybrid: meeting.format === 'hybrid',
    hasVisaDetails: registration?.hasVisaDetails ?? false,
    privacyHref: getPathname({ href: '/privacy', locale }),
    gender: registration?.gender as Gender | undefined,
    // What is on file, or the invitation's name for a first registration.
    defaults: registration ? registrationDetails(registration) : { displayName: name },
  };
  // What the last answer or registration step did (the form redirects here with ?done=…).
  const query = await searchParams;
  const doneParam = query.done;
  const done = DONE.find((d) => d === doneParam);
  const doneMessage =
    done &&
    {
      accepted: t('answerSaved'),
      declined: t('answerSaved'),
      registered: r('saved', { email: invitation.email }),
      waitlisted: r('savedWaitlisted', { place: registration?.place ?? 0, email: invitation.email }),
      changed: r('changed'),
      unchanged: r('unchanged'),
      cancelled: r('cancelDone'),
      seat: r('seatTaken'),
    }[done];
  // Declining and cancelling ask first: in place where JavaScript runs, else on this page's confirmation view
  // (?confirm=…), which holds the same form.
  const canDecline = !active && state === 'open' && invitation.status !== 'declined';
  const confirmHref = (step: 'decline' | 'cancel') =>
    getPathname({ href: { pathname: `/i/${token}`, query: { confirm: step } }, locale });
  const confirming =
    query.confirm === 'decline' && canDecline ? 'decline' : query.confirm === 'cancel' && canCancel ? 'cancel' : null;
  const declineForm = (
    <ActionForm
      action={declineInvitationAction.bind(null, token, locale)}
      submitLabel={t('declineConfirm')}
      words={words}
      fieldWords={{ tooLong: t('reasonTooLong'), incomplete: s('incomplete'), email: s('incomplete') }}
      variant="secondary"
      className="flex w-full flex-col items-start gap-2"
    >
      <p>{t('declineQuestion')}</p>
      <div className="flex w-full max-w-md flex-col gap-1">
        <label htmlFor="decline-reason" className="text-sm font-medium">
          {t('reason')}
        </label>
        <textarea
          id="decline-reason"
          name="reason"
          rows={2}
          maxLength={1000}
          aria-describedby="decline-reason-error"
          className={inputClass}
        />
        <ActionFieldErrors field="reason" id="decline-reason-error" />
      </div>
      <SubstituteFields s={s} locale={locale} />
    </ActionForm>
  );
  const cancelForm = (
    <ActionForm
      action={cancelRegistrationAction.bind(null, token, locale)}
      submitLabel={r('cancelConfirm')}
      words={words}
      variant="danger"
      className="flex w-full flex-col items-start gap-2"
    >
      <p>{r('cancelQuestion')}</p>
    </ActionForm>
  );
  return (
    <>
      <p className="text-sm text-slate-700">{t('title')}</p>
      <PageHeader title={title} className="mt-1" />
      {meeting.status === 'cancelled' && (
        <Notice tone="warning" size="md" role="status" className="mt-3 font-semibold">
          {t('cancelled')}
        </Notice>
      )}
      {doneMessage && (
        <PageNotice size="md" className="mt-3">
          {doneMessage}
        </PageNotice>
      )}
      <p className="mt-4">{t('greeting', { name })}</p>
      <p className="mt-2">{t('invited', { role: roleName })}</p>
      {substituteFor && <p className="mt-2">{s('substituteFor', { name: substituteFor })}</p>}
      <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt.toISOString()}>
            {formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale)}
          </time>
          <ReaderLocalTime
            startsAt={meeting.startsAt.toISOString()}
            endsAt={meeting.endsAt.toISOString()}
            venueZone={meeting.timeZone}
            locale={locale}
            label={home('yourTime')}
          />
        </dd>
        <dt className="font-semibold">{t('where')}</dt>
        <dd>{meetingPlace(meeting, locale)}</dd>
        {/* The link is for those who hold a seat: not every invitee, not those who declined or wait for a seat. */}
        {meeting.format !== 'in_person' && meeting.meetingLink && (
          <>
            <dt className="font-semibold">{t('onlineLink')}</dt>
            {registration?.status === 'registered' ? (
              <dd className="break-all">
                <a href={meeting.meetingLink}>{meeting.meetingLink}</a>
              </dd>
            ) : (
              <dd>{t('linkForRegistered')}</dd>
            )}
          </>
        )}
      </dl>

      {confirming ? (
        <Card as="section" aria-labelledby="confirm" className="mt-6">
          <h2 id="confirm" className="text-lg font-semibold">
            {confirming === 'decline' ? t('declineTitle') : r('cancelTitle')}
          </h2>
          <div className="mt-3">{confirming === 'decline' ? declineForm : cancelForm}</div>
          <p className="mt-4">
            <a href={getPathname({ href: `/i/${token}`, locale })}>{t('back')}</a>
          </p>
        </Card>
      ) : active ? (
        <Card as="section" aria-labelledby="registration" className="mt-6">
          <h2 id="registration" className="text-lg font-semibold">
            {registration.status === 'registered'
              ? r('registered')
              : registration.status === 'waitlisted'
                ? r('waitlisted', { place: registration.place ?? 0 })
                : r('offered', { until: formatDateTime(registration.offerExpiresAt!, meeting.timeZone, locale) })}
          </h2>
          {registration.status === 'registered' && (
            <p className="mt-1">{r('confirmationSentTo', { email: invitation.email })}</p>
          )}
          {registration.status === 'waitlisted' && <p className="mt-1">{r('waitlistExplain')}</p>}
          {registration.status === 'offered' && (
            <div className="mt-3">
              <ActionForm action={takeSeatAction.bind(null, token, locale)} submitLabel={r('takeSeat')} words={words} />
            </div>
          )}
          {state === 'open' ? (
            <>
              <p className="mt-2 text-sm">
                {meeting.registrationDeadline ? r('changeUntil', { deadline: until }) : r('cancelUntilStart')}
              </p>
              <div className="mt-4">
                <RegistrationForm {...formProps} submitLabel={r('submitChange')} />
              </div>
            </>
          ) : (
            canCancel && <p className="mt-2 text-sm">{r('cancelUntilStart')}</p>
          )}
          {canCancel && (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <p className="mb-2 text-sm">{r('cancelHint')}</p>
              <ConfirmStep href={confirmHref('cancel')} label={r('cancel')} backLabel={t('back')} variant="danger">
                {cancelForm}
              </ConfirmStep>
            </div>
          )}
        </Card>
      ) : (
        <Card as="section" aria-labelledby="answer" className="mt-6">
          <h2 id="answer" className="text-lg font-semibold">
            {registration?.status === 'cancelled'
              ? r('cancelled')
              : invitation.status === 'accepted'
                ? t('accepted')
                : invitation.status === 'declined'
                  ? t('declined')
                  : meeting.registrationDeadline
                    ? t('answerBy', { deadline: until })
                    : t('answerByStart')}
          </h2>
          {registration?.status === 'lapsed' && <p className="mt-1">{r('offerLapsed')}</p>}
          {state === 'open' ? (
            <>
              {invitation.status !== 'invited' && (
                <p className="mt-1 text-sm">
                  {meeting.registrationDeadline ? t('change', { deadline: until }) : t('changeUntilStart')}
                </p>
              )}
              <div className="mt-3 flex flex-col gap-4">
                {invitation.status !== 'accepted' && (
                  <ActionForm
                    action={acceptInvitationAction.bind(null, token, locale)}
                    submitLabel={t('accept')}
                    words={words}
                  >
                    {null}
                  </ActionForm>
                )}
                {invitation.status === 'accepted' && (
                  <section aria-labelledby="register" className="mt-2">
                    <h3 id="register" className="text-lg font-semibold">
                      {r('heading')}
                    </h3>
                    <p className="mb-3 text-sm">{r('intro')}</p>
                    <RegistrationForm {...formProps} submitLabel={r('submit')} />
                  </section>
                )}
                {canDecline && (
                  <ConfirmStep href={confirmHref('decline')} label={t('decline')} backLabel={t('back')}>
                    {declineForm}
                  </ConfirmStep>
                )}
              </div>
            </>
          ) : (
            <p className="mt-1">{t('closed')}</p>
          )}
        </Card>
      )}

      {/* The same programme as the meeting's public page, in this page's language. */}
      <MeetingProgramme items={programme} timeZone={meeting.timeZone} locale={locale} />
      <MeetingDocumentsList documents={documents} locale={locale} participantList={participantList} />
      <p className="mt-6 text-sm text-slate-700">{t('personal')}</p>
      <p className="mt-2 text-sm text-slate-700">{t('contact', contact)}</p>
    </>
  );
}
