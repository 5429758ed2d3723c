import { getTranslations } from 'next-intl/server';
import type { ListedDocument } from '@/lib/meeting-documents';

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
};

/** The list of participants staff released, shown to a registered delegate among the documents. */
export type ReleasedListEntry = { href: string; otherHref: string; otherLabel: string; note: string };

/**
 * A meeting's documents for delegates or the public (db/meeting-documents.ts `listDocumentsFor`), with download links;
 * a file only in the other language says so; for a registered delegate, the released list of participants last, as a
 * document of that type. Nothing at all when there are none.
 */
export async function MeetingDocumentsList({
  documents,
  locale,
  className = 'mt-6',
  participantList = null,
}: {
  documents: ListedDocument[];
  locale: 'en' | 'ru';
  className?: string;
  participantList?: ReleasedListEntry | null;
}) {
  if (!documents.length && !participantList) return null;
  const t = await getTranslations({ locale, namespace: 'Documents' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="meeting-documents" className={className}>
      <h2 id="meeting-documents" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <ul className="mt-2 space-y-2">
        {documents.map((document) => {
          const name = document.title || t(`kind.${document.kind}`);
          const type = TYPE_NAMES[document.contentType] ?? 'file';
          const size =
            document.byteSize >= 100 * 1024
              ? t('fileMb', { type, size: number.format(document.byteSize / 1024 / 1024) })
              : t('fileKb', { type, size: number.format(Math.max(1, Math.round(document.byteSize / 1024))) });
          const fileLanguage = document.language === 'both' ? undefined : document.language;
          return (
            <li key={document.id}>
              <a href={document.href} download={document.fileName} hrefLang={fileLanguage} className="font-medium">
                {name}
              </a>
              {document.title && <span className="text-slate-700"> · {t(`kind.${document.kind}`)}</span>}
              <span className="block text-sm text-slate-700">
                {size}
                {document.otherLanguage && <> · {t('inOtherLanguage')}</>}
                {document.language === 'both' && <> · {t('bothLanguages')}</>}
              </span>
            </li>
          );
        })}
        {participantList && (
          <li>
            <a href={participantList.href} download hrefLang={locale} className="font-medium">
              {t('kind.list_of_participants')}
            </a>
            <span className="block text-sm text-slate-700">{participantList.note}</span>
            <span className="block text-sm text-slate-700">
              PDF ·{' '}
              <a href={participantList.otherHref} download hrefLang={locale === 'ru' ? 'en' : 'ru'}>
                {participantList.otherLabel}
              </a>
            </span>
          </li>
        )}
      </ul>
    </section>
  );
}
