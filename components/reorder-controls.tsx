import { ActionForm } from '@/components/action-form';
import type { FormState } from '@/lib/form-state';

/** ↑ and ↓ for one entry of an ordered list (the first has no ↑, the last no ↓); `name` is what screen readers hear. */
export function ReorderControls({
  action,
  name,
  index,
  count,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  name: string;
  index: number;
  count: number;
}) {
  return (
    <>
      {(['up', 'down'] as const)
        .filter((direction) => (direction === 'up' ? index > 0 : index < count - 1))
        .map((direction) => (
          <ActionForm
            key={direction}
            action={action}
            variant="secondary"
            submitLabel={
              <>
                {direction === 'up' ? '↑' : '↓'}
                <span className="sr-only">
                  {' '}
                  Move {name} {direction}
                </span>
              </>
            }
          >
            <input type="hidden" name="direction" value={direction} />
          </ActionForm>
        ))}
    </>
  );
}
