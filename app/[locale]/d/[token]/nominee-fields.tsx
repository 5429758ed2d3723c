import { FormRow, inputClass } from '@/components/field';
import { COURTESY_TITLES } from '@/lib/schemas/delegation';
import { delegationTranslator } from './messages';

/** The fields of a nomination (new, or a replacement), ids prefixed so several forms share the page. */
export function NomineeFields({ prefix, locale }: { prefix: string; locale: 'en' | 'ru' }) {
  const t = delegationTranslator(locale);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="grid w-full gap-3 sm:grid-cols-2">
      <FormRow id={id('title')} label={t('field.title')}>
        <select id={id('title')} name="title" className={inputClass} defaultValue="">
          {COURTESY_TITLES.map((title) => (
            <option key={title} value={title}>
              {title || t('field.titleNone')}
            </option>
          ))}
        </select>
      </FormRow>
      <FormRow id={id('passportName')} label={t('field.passportName')}>
        <input id={id('passportName')} name="passportName" required autoComplete="off" className={inputClass} />
      </FormRow>
      <FormRow id={id('displayName')} label={t('field.displayName')}>
        <input id={id('displayName')} name="displayName" required autoComplete="off" className={inputClass} />
      </FormRow>
      <FormRow id={id('position')} label={t('field.position')}>
        <input id={id('position')} name="position" autoComplete="off" className={inputClass} />
      </FormRow>
      <FormRow id={id('email')} label={t('field.email')}>
        <input id={id('email')} name="email" type="email" required autoComplete="off" className={inputClass} />
      </FormRow>
      <FormRow id={id('language')} label={t('field.language')}>
        <select id={id('language')} name="language" className={inputClass} defaultValue={locale}>
          <option value="ru">{t('language.ru')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
      </FormRow>
      <div className="flex items-center gap-2 sm:col-span-2">
        <input id={id('head')} name="head" type="checkbox" className="size-5" />
        <label htmlFor={id('head')}>{t('field.head')}</label>
      </div>
    </div>
  );
}
