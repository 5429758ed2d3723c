import { ActionForm } from '@/components/action-form';
import { Field, inputClass } from '@/components/field';
import { Button, Card, Notice } from '@/components/ui';
import type { getSummary } from '@/db/summaries';
import { PHOTO_MAX_BYTES, PHOTO_MIN_WIDTH } from '@/lib/summary/photo';
import { removePhotoAction } from '../actions';
import { PageNotice } from '@/components/form-status';

const PHOTO_PROBLEMS: Record<string, string> = {
  missing: 'Choose a photo to upload.',
  tooLarge: `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB; choose a smaller file.`,
  notAnImage: 'That file is not a readable image.',
  wrongType: 'Upload a JPEG, PNG or WebP photo (other types, such as SVG or GIF, are not accepted).',
  tooSmall: `The photo must be at least ${PHOTO_MIN_WIDTH} pixels wide to look sharp on the news page.`,
  unreadable: 'The upload could not be read. Try again.',
  notDraft: 'Photos can be changed only while the summary is a draft.',
  notFound: 'That summary no longer exists.',
};

type Summary = NonNullable<Awaited<ReturnType<typeof getSummary>>>;

/** The summary's photos, and (while a draft) the upload form: a plain post, so it works without JavaScript. */
export function PhotosSection({
  summary,
  editable,
  param,
}: {
  summary: Summary;
  editable: boolean;
  /** A value from the page's query: the upload's outcome and the fields to show again after a refusal. */
  param: (name: string) => string | undefined;
}) {
  const photoError = param('photoError');
  return (
    <section aria-labelledby="photos" id="photos" className="mt-8 scroll-mt-4">
      <h2 id="photos-heading" className="text-lg font-semibold">
        Photos
      </h2>
      {param('photo') === 'added' && <PageNotice className="mt-2">Photo added.</PageNotice>}
      {summary.photos.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          No photos yet. One is recommended (it is also the image shown when the page is shared), not required.
        </p>
      ) : (
        <ul className="mt-2 grid gap-4 sm:grid-cols-2">
          {summary.photos.map((photo, index) => (
            <Card as="li" compact key={photo.id}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a staff thumbnail of a private photo */}
              <img
                src={`/api/photos/${photo.id}`}
                alt={photo.altEn}
                width={photo.width}
                height={photo.height}
                className="h-auto w-full rounded"
                loading="lazy"
              />
              <p className="mt-2 text-sm">
                <span className="font-medium">Photo {index + 1}</span> · {photo.width}×{photo.height} ·{' '}
                {Math.round(photo.byteSize / 1024)} KB
              </p>
              <p className="text-sm">Description (English): {photo.altEn}</p>
              <p className="text-sm" lang="ru">
                <span lang="en">Description (Russian):</span> {photo.altRu}
              </p>
              <p className="text-sm">Credit: {photo.credit}</p>
              {editable && (
                <div className="mt-2">
                  <ActionForm
                    action={removePhotoAction.bind(null, summary.id, photo.id)}
                    submitLabel={`Remove photo ${index + 1}`}
                    variant="secondary"
                  />
                </div>
              )}
            </Card>
          ))}
        </ul>
      )}
      {editable && (
        <Card
          as="form"
          method="post"
          action={`/staff/summaries/${summary.id}/photos`}
          encType="multipart/form-data"
          className="mt-4 space-y-3"
          aria-labelledby="add-photo"
        >
          <h3 id="add-photo" className="font-semibold">
            Add a photo
          </h3>
          {photoError && (
            <Notice tone="danger" role="alert">
              The photo was not added: please correct the fields marked below.
            </Notice>
          )}
          <Field
            id="photo"
            label="Photo (JPEG, PNG or WebP)"
            hint={`Up to ${PHOTO_MAX_BYTES / 1024 / 1024} MB, at least ${PHOTO_MIN_WIDTH} pixels wide.`}
            error={photoError ? PHOTO_PROBLEMS[photoError] : undefined}
          >
            {(aria) => (
              <input
                {...aria}
                type="file"
                name="photo"
                accept="image/jpeg,image/png,image/webp"
                className="block text-sm"
              />
            )}
          </Field>
          <Field
            id="altEn"
            label="Description for people who cannot see it, English (alt text)"
            error={param('altEnError')}
          >
            {(aria) => <input {...aria} name="altEn" defaultValue={param('altEn')} className={inputClass} />}
          </Field>
          <Field
            id="altRu"
            label="Description for people who cannot see it, Russian (alt text)"
            error={param('altRuError')}
          >
            {(aria) => <input {...aria} name="altRu" lang="ru" defaultValue={param('altRu')} className={inputClass} />}
          </Field>
          <Field id="credit" label="Credit" hint="Whose photo it is, e.g. UNRCCA." error={param('creditError')}>
            {(aria) => <input {...aria} name="credit" defaultValue={param('credit')} className={inputClass} />}
          </Field>
          <Button>Upload photo</Button>
        </Card>
      )}
    </section>
  );
}
