'use client';

import {
  Children,
  cloneElement,
  createContext,
  isValidElement,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import type { ButtonVariant } from '@/components/ui/button';
import type { ActionWords } from '@/lib/action-messages';
import { fieldErrors, idleFormState, type FormState } from '@/lib/form-state';

const Outcome = createContext<{ state: FormState; fieldWords?: Record<string, string> }>({ state: idleFormState });

/** The errors of one field, in a live region the control's aria-describedby points at (kept in the page while empty, so
 * screen readers announce what appears in it). */
function ErrorList({ id, errors }: { id: string; errors: string[] }) {
  return (
    <div id={id} aria-live="polite" className="text-sm font-medium text-danger-800">
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}

/** Every error of `field` from the enclosing ActionForm's last answer, worded for the page. */
function useFieldErrors(field: string | undefined): string[] {
  const { state, fieldWords } = useContext(Outcome);
  return field ? fieldErrors(state, field).map((error) => fieldWords?.[error] ?? error) : [];
}

/**
 * Every error of `field` from the enclosing ActionForm's last answer, for a control that is not in a FormRow (point
 * the control's aria-describedby at `id`).
 */
export function ActionFieldErrors({ field, id }: { field: string; id: string }) {
  return <ErrorList id={id} errors={useFieldErrors(field)} />;
}

/**
 * A checkbox that appears once the enclosing ActionForm's answer asks for it (an error on `name`, e.g. a start in the
 * past), and stays while ticked: a confirmation that needs no JavaScript, posted with the form.
 */
export function ActionConfirmation({ name, id, label }: { name: string; id: string; label: string }) {
  const { state } = useContext(Outcome);
  const errors = useFieldErrors(name);
  const ticked = state.status === 'error' && state.values?.[name] === 'on';
  if (errors.length === 0 && !ticked) return null;
  return (
    <div className="sm:col-span-2">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={ticked}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={`${id}-error`}
          className="mt-1 size-5"
        />
        <span>{label}</span>
      </label>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

type ControlProps = { id?: unknown; name?: unknown; 'aria-describedby'?: unknown; 'aria-invalid'?: unknown };

/**
 * The control of a FormRow (the child whose id is the row's), with its errors beside it: those the enclosing
 * ActionForm's last answer holds for the control's `name`, and any the page passes as `error`. The control gets
 * aria-describedby (hint, errors) and aria-invalid here rather than from the page, so a server-rendered control is
 * wired up too; without JavaScript the page renders with the action's answer, so the errors are there as well.
 */
export function FieldControl({
  id,
  hinted,
  error = [],
  children,
}: {
  id: string;
  hinted: boolean;
  error?: string[];
  children: ReactNode;
}) {
  const control = Children.toArray(children).find(
    (child) => isValidElement<ControlProps>(child) && child.props.id === id,
  );
  const name =
    isValidElement<ControlProps>(control) && typeof control.props.name === 'string' ? control.props.name : undefined;
  const errors = [...new Set([...error, ...useFieldErrors(name)])];
  const errorId = `${id}-error`;
  return (
    <>
      {Children.map(children, (child) => {
        if (!isValidElement<ControlProps>(child) || child.props.id !== id) return child;
        const given =
          typeof child.props['aria-describedby'] === 'string' ? child.props['aria-describedby'].split(' ') : [];
        const describedBy = [
          ...new Set([...given, ...(hinted ? [`${id}-hint`] : []), ...(errors.length > 0 ? [errorId] : [])]),
        ];
        return cloneElement(child, {
          'aria-describedby': describedBy.join(' ') || undefined,
          // A control may flag itself (e.g. a check while typing); the answer's errors flag it too.
          'aria-invalid': errors.length > 0 ? true : child.props['aria-invalid'],
        } as Partial<ControlProps>);
      })}
      <ErrorList id={errorId} errors={errors} />
    </>
  );
}

/**
 * The one way a form keeps what was typed after a refusal. `useActionState`, plus an onSubmit that dispatches the
 * action itself (with the button pressed, for name/value pairs), so React does not reset the fields to the page's
 * defaults when the action returns; a second press while pending is ignored. Without JavaScript the form is a plain
 * post, and the page renders the fields from `submittedValue(state, …)` (the values the wrapper echoes back).
 */
export function useActionForm(
  action: (state: FormState, formData: FormData) => Promise<FormState>,
  { resetOnSuccess = false } = {},
) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const ref = useRef<HTMLFormElement>(null);
  // Before the browser paints the outcome, so nobody can start typing into a form that is about to be cleared.
  useLayoutEffect(() => {
    if (resetOnSuccess && state.status === 'success') ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return { state, pending, formProps: { ref, action: formAction, onSubmit } };
}

/** A field's control in the rendered form, and what its label says (the page chooses both). */
function findControl(form: HTMLFormElement, name: string): { id: string; label: string } | undefined {
  const found = form.elements.namedItem(name);
  const control = found instanceof RadioNodeList ? found[0] : found;
  if (!(control instanceof HTMLElement) || !control.id) return undefined;
  const label =
    ('labels' in control && (control as HTMLInputElement).labels?.[0]?.textContent) ||
    control.closest('fieldset')?.querySelector('legend')?.textContent;
  return label ? { id: control.id, label: label.trim() } : undefined;
}

/**
 * Under the button, how many fields need attention — each field shows its own errors (FormRow, ActionFieldErrors),
 * so they are not listed again — and, once the page runs JavaScript, a link to each field.
 */
function ErrorSummary({ state, form }: { state: FormState; form: RefObject<HTMLFormElement | null> }) {
  const flagged = Object.entries(state.status === 'error' ? (state.fieldErrors ?? {}) : {})
    .filter(([, errors]) => errors && errors.length > 0)
    .map(([field]) => field);
  const [links, setLinks] = useState<{ id: string; label: string }[]>([]);
  const key = flagged.join(' ');
  // The labels are the page's, so they can only be read from the form once it is rendered: one more render per answer.
  useEffect(() => {
    const current = form.current;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: the DOM is the source here
    setLinks(current && key ? key.split(' ').flatMap((field) => findControl(current, field) ?? []) : []);
  }, [key, form]);
  if (flagged.length === 0) return null;
  return (
    <div className="mt-1 text-sm font-medium text-danger-800">
      <p>{flagged.length === 1 ? '1 field needs attention.' : `${flagged.length} fields need attention.`}</p>
      {links.length > 0 && (
        <ul className="flex flex-wrap gap-x-3">
          {links.map((link) => (
            <li key={link.id}>
              <a href={`#${link.id}`} className="underline">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A small form around one server action: its fields (rendered by the page), a submit button, and the outcome
 * announced beside it. Works without JavaScript (a plain post). With JavaScript, a refused submission keeps what
 * was typed — React would otherwise reset the fields to the page's defaults — and a successful one clears them.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  variant = 'primary',
  className = 'flex flex-wrap items-end gap-2',
  confirm,
  words,
  fieldWords,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children?: ReactNode;
  submitLabel: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  /** Ask before submitting (destructive and mass actions): the submit label opens the question and the real button. */
  confirm?: { question: ReactNode; confirmLabel: ReactNode };
  /** The wrapper's refusals in the page's language (a delegate's page); English otherwise (with a count of the fields
   * that need attention). */
  words?: ActionWords;
  /** Field errors that arrive as codes (a delegate's page), worded in the page's language. */
  fieldWords?: Record<string, string>;
}) {
  const { state, pending, formProps } = useActionForm(action, { resetOnSuccess: true });
  return (
    <form {...formProps} className={className} noValidate>
      {/* The form's default button, first in the form: Enter in a field submits the action even where a picker's
          no-JavaScript Search button comes before the real one. None where the action asks first. */}
      {!confirm && <button type="submit" hidden tabIndex={-1} />}
      <Outcome value={{ state, fieldWords }}>{children}</Outcome>
      {confirm ? (
        <ConfirmButton
          label={submitLabel}
          question={confirm.question}
          confirmLabel={confirm.confirmLabel}
          variant={variant}
          pendingLabel={pendingLabel}
          pending={pending}
        />
      ) : (
        <SubmitButton variant={variant} pendingLabel={pendingLabel} pending={pending}>
          {submitLabel}
        </SubmitButton>
      )}
      <div className="basis-full">
        <FormStatus state={state} words={words} />
        {!words && <ErrorSummary state={state} form={formProps.ref} />}
      </div>
    </form>
  );
}
