import { ActionFieldErrors } from '@/components/action-form';
import { inputClass } from '@/components/field';

type Words = (
  key: 'legend' | 'hint' | 'name' | 'email' | 'position' | 'language' | 'languageEn' | 'languageRu',
) => string;

/** On the decline form: a colleague the delegate proposes in their place (optional; name and email, or nothing). */
export function SubstituteFields({ s, locale }: { s: Words; locale: 'en' | 'ru' }) {
  const text = (name: 'substituteName' | 'substituteEmail' | 'substitutePosition', label: string, type = 'text') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete="off"
        aria-describedby={`${name}-error`}
        className={inputClass}
      />
      <ActionFieldErrors field={name} id={`${name}-error`} />
    </div>
  );
  return (
    <fieldset className="flex w-full max-w-md flex-col gap-2">
      <legend className="text-sm font-semibold">{s('legend')}</legend>
      <p id="substitute-hint" className="text-sm text-slate-700">
        {s('hint')}
      </p>
      {text('substituteName', s('name'))}
      {text('substituteEmail', s('email'), 'email')}
      {text('substitutePosition', s('position'))}
      <div className="flex flex-col gap-1">
        <label htmlFor="substituteLanguage" className="text-sm font-medium">
          {s('language')}
        </label>
        <select id="substituteLanguage" name="substituteLanguage" defaultValue={locale} className={inputClass}>
          <option value="ru">{s('languageRu')}</option>
          <option value="en">{s('languageEn')}</option>
        </select>
      </div>
    </fieldset>
  );
}
