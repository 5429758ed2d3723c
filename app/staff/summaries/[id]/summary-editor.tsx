'use client';

import { useEffect, useRef, useState } from 'react';
import { useActionForm } from '@/components/action-form';
import { Field, inputClass } from '@/components/field';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { Card } from '@/components/ui/card';
import { fieldErrors, idleFormState, submittedValue, type FormState } from '@/lib/form-state';

type Text = {
  slug: string;
  headlineEn: string;
  headlineRu: string;
  leadEn: string;
  leadRu: string;
  bodyEn: string;
  bodyRu: string;
};
type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const LANGUAGES = [
  { code: 'En', lang: 'en', name: 'English' },
  { code: 'Ru', lang: 'ru', name: 'Russian' },
] as const;

/**
 * The summary's text, English and Russian side by side, each body with its preview. The preview follows the typing
 * (rendered and sanitised by the server, exactly as the public page will be); without JavaScript, "Preview" shows it
 * without saving. "Save" keeps a new version.
 */
export function SummaryEditor({
  action,
  previewAction,
  text,
  version,
  previews,
  editable,
}: {
  action: Action;
  previewAction: Action;
  text: Text;
  version: number;
  previews: { bodyEn: string; bodyRu: string };
  editable: boolean;
}) {
  const { state, pending, formProps } = useActionForm(action);
  const [live, setLive] = useState<Partial<Record<'bodyEn' | 'bodyRu', string>>>({});
  const timers = useRef<Partial<Record<string, ReturnType<typeof setTimeout>>>>({});
  useEffect(() => () => Object.values(timers.current).forEach((timer) => clearTimeout(timer)), []);

  const value = (field: keyof Text) => submittedValue(state, field) ?? text[field];
  const preview = (field: 'bodyEn' | 'bodyRu') =>
    live[field] ??
    (state.status === 'success' && state.preview?.[field] !== undefined ? state.preview[field]! : previews[field]);

  const typed = (field: 'bodyEn' | 'bodyRu', markdown: string) => {
    clearTimeout(timers.current[field]);
    timers.current[field] = setTimeout(async () => {
      const data = new FormData();
      data.set('markdown', markdown);
      const answer = await previewAction(idleFormState, data);
      if (answer.status === 'success' && answer.preview)
        setLive((current) => ({ ...current, [field]: answer.preview!.markdown }));
    }, 300);
  };

  return (
    <form {...formProps} noValidate aria-describedby="editor-help">
      <p id="editor-help" className="text-sm text-slate-700">
        The body is Markdown: <code>## Heading</code>, <code>**bold**</code>, <code>*italic*</code>,{' '}
        <code>- list item</code>, <code>[link](https://…)</code>. Anything else pasted in (HTML, scripts) is removed
        from the public page.
      </p>
      <fieldset disabled={!editable} className="mt-4 space-y-4">
        <legend className="sr-only">Summary text</legend>
        <input type="hidden" name="baseVersion" value={submittedValue(state, 'baseVersion') ?? String(version)} />
        <Field
          id="slug"
          label="Slug (web address)"
          hint="news/… in both languages, e.g. council-meets-in-tashkent"
          error={fieldErrors(state, 'slug')}
        >
          {(aria) => (
            <input
              {...aria}
              name="slug"
              defaultValue={value('slug')}
              className={`${inputClass} font-mono`}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="grid gap-6 lg:grid-cols-2">
          {LANGUAGES.map(({ code, lang, name }) => {
            const body = `body${code}` as const;
            return (
              <Card as="section" key={code} aria-labelledby={`version-${lang}`} lang={lang} className="space-y-4">
                <h3 id={`version-${lang}`} lang="en" className="font-semibold">
                  {name}
                </h3>
                <Field
                  id={`headline${code}`}
                  label={`Headline (${name})`}
                  error={fieldErrors(state, `headline${code}`)}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      name={`headline${code}`}
                      defaultValue={value(`headline${code}`)}
                      className={inputClass}
                    />
                  )}
                </Field>
                <Field id={`lead${code}`} label={`Lead paragraph (${name})`} error={fieldErrors(state, `lead${code}`)}>
                  {(aria) => (
                    <textarea
                      {...aria}
                      name={`lead${code}`}
                      rows={4}
                      defaultValue={value(`lead${code}`)}
                      className={inputClass}
                    />
                  )}
                </Field>
                <Field id={body} label={`Text, Markdown (${name})`} error={fieldErrors(state, body)}>
                  {(aria) => (
                    <textarea
                      {...aria}
                      name={body}
                      rows={18}
                      defaultValue={value(body)}
                      onChange={(event) => typed(body, event.currentTarget.value)}
                      className={`${inputClass} font-mono text-sm`}
                    />
                  )}
                </Field>
                <div>
                  <h4 id={`preview-${lang}`} lang="en" className="text-sm font-medium">
                    Preview ({name})
                  </h4>
                  <div
                    role="region"
                    aria-labelledby={`preview-${lang}`}
                    // It scrolls: keyboard users must be able to reach it to scroll it.
                    tabIndex={0}
                    aria-live="polite"
                    className="news-body mt-1 max-h-96 overflow-auto rounded-md border border-dashed border-slate-400 p-3"
                    // Rendered and sanitised on the server (lib/summary/markdown.ts).
                    dangerouslySetInnerHTML={{ __html: preview(body) }}
                  />
                </div>
              </Card>
            );
          })}
        </div>
      </fieldset>
      {editable && (
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <SubmitButton name="intent" value="save" pending={pending} pendingLabel="Saving…">
            Save version
          </SubmitButton>
          <SubmitButton name="intent" value="preview" variant="secondary" pending={pending}>
            Preview without saving
          </SubmitButton>
        </div>
      )}
      <div className="mt-2">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
