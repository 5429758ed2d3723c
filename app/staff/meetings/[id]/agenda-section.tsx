import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { ReorderControls } from '@/components/reorder-controls';
import { PeoplePicker } from '@/components/people-picker';
import { Card } from '@/components/ui';
import type { AgendaEntry } from '@/db/agenda';
import type { PickerFallback } from '@/services/people-picker';
import { roomOverlaps } from '@/lib/agenda';
import { endsAfterMeeting } from '@/lib/programme';
import { formatDate, formatTime, toZonedParts, zoneLabel } from '@/lib/datetime';
import { AGENDA_ITEM_KINDS, AGENDA_KIND_LABELS } from '@/lib/domain';
import {
  addAgendaItemAction,
  moveAgendaItemAction,
  removeAgendaItemAction,
  setAgendaPublishedAction,
  updateAgendaItemAction,
} from '../actions';

const ROLE_LABEL = { speaker: 'Speakers', moderator: 'Moderators', participant: 'Participants' } as const;

/** The agenda form's people fields, each a people picker. */
export const AGENDA_PEOPLE_FIELDS = ['speakers', 'moderators', 'participants'] as const;

/** What a no-JavaScript search sent back for one agenda form (`form`: `agenda-new` or `agenda-<item id>`). */
export type AgendaFallback = {
  form: string;
  fields: Record<string, PickerFallback>;
  values: Record<string, string>;
};

/** The meeting's agenda as a timetable by day (venue time), with the editing controls editors get. */
export function AgendaSection({
  meeting,
  agenda,
  canEdit,
  fallback,
}: {
  meeting: {
    id: string;
    timeZone: string;
    startsAt: Date;
    endsAt: Date;
    agendaPublished: boolean;
    slug?: string | null;
  };
  agenda: AgendaEntry[];
  canEdit: boolean;
  fallback: AgendaFallback | null;
}) {
  const pageUrl = `/staff/meetings/${meeting.id}`;
  const fallbackFor = (form: string) => (fallback?.form === form ? fallback : null);
  const zone = meeting.timeZone;
  const overlaps = roomOverlaps(agenda);
  const late = new Set(endsAfterMeeting(agenda, meeting.endsAt).map((item) => item.id));
  const titleOf = new Map(agenda.map((i) => [i.id, i.titleEn]));
  const days = new Map<string, AgendaEntry[]>();
  for (const item of agenda) {
    const day = formatDate(item.startsAt, zone, 'en');
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return (
    <section aria-labelledby="agenda" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="agenda" className="text-lg font-semibold">
          Agenda{' '}
          <span className="text-sm font-normal text-slate-700">
            ({meeting.agendaPublished ? 'published' : 'internal'})
          </span>
        </h2>
        {canEdit && (
          <ActionForm
            action={setAgendaPublishedAction.bind(null, meeting.id)}
            variant="secondary"
            submitLabel={meeting.agendaPublished ? 'Make the agenda internal' : 'Publish the agenda'}
          >
            <input type="hidden" name="published" value={meeting.agendaPublished ? 'false' : 'true'} />
          </ActionForm>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-700">Times in {zoneLabel(meeting.startsAt, zone, 'en')}.</p>
      {agenda.length === 0 && <p className="mt-2 text-slate-700">No agenda items yet.</p>}
      {[...days].map(([day, items]) => (
        <div key={day} className="mt-4">
          <h3 className="font-semibold">{day}</h3>
          <ol className="mt-2 space-y-2">
            {items.map((item) => {
              const index = agenda.indexOf(item);
              return (
                <Card as="li" compact key={item.id}>
                  <article aria-label={item.titleEn}>
                    <p className="text-sm text-slate-700">
                      <time dateTime={item.startsAt.toISOString()}>
                        {formatTime(item.startsAt, zone, 'en')}–{formatTime(item.endsAt, zone, 'en')}
                      </time>{' '}
                      · {AGENDA_KIND_LABELS[item.kind]}
                      {item.room && ` · ${item.room}`}
                      {item.roomRu && <span lang="ru">{` / ${item.roomRu}`}</span>}
                    </p>
                    <p className="font-medium">{item.titleEn}</p>
                    <p lang="ru" className="text-sm text-slate-700">
                      {item.titleRu}
                    </p>
                    {item.descriptionEn && <p className="mt-1 text-sm whitespace-pre-line">{item.descriptionEn}</p>}
                    {(['speaker', 'moderator', 'participant'] as const).map((role) => {
                      const names = item.people.filter((p) => p.role === role).map((p) => p.name);
                      return names.length ? (
                        <p key={role} className="text-sm">
                          {ROLE_LABEL[role]}: {names.join(', ')}
                        </p>
                      ) : null;
                    })}
                    {late.has(item.id) && (
                      <p className="mt-1 text-sm font-medium text-warning-900">
                        ⚠ Ends after the meeting ends ({formatDate(meeting.endsAt, zone, 'en')},{' '}
                        {formatTime(meeting.endsAt, zone, 'en')}).
                      </p>
                    )}
                    {overlaps.has(item.id) && (
                      <p className="mt-1 text-sm font-medium text-warning-900">
                        ⚠ Overlaps in {item.room} with:{' '}
                        {overlaps
                          .get(item.id)!
                          .map((id) => titleOf.get(id))
                          .join('; ')}
                      </p>
                    )}
                    {canEdit && (
                      <div className="mt-2 flex flex-wrap gap-1">
                        <ReorderControls
                          action={moveAgendaItemAction.bind(null, item.id)}
                          name={`“${item.titleEn}”`}
                          index={index}
                          count={agenda.length}
                        />
                        <ActionForm
                          action={removeAgendaItemAction.bind(null, item.id)}
                          variant="secondary"
                          submitLabel={
                            <>
                              Remove<span className="sr-only"> “{item.titleEn}”</span>
                            </>
                          }
                        />
                        <details
                          className="basis-full"
                          id={`agenda-${item.id}`}
                          open={fallbackFor(`agenda-${item.id}`) !== null}
                        >
                          <summary className="cursor-pointer text-sm font-medium text-brand-700">
                            Edit<span className="sr-only"> “{item.titleEn}”</span>
                          </summary>
                          <ActionForm
                            action={updateAgendaItemAction.bind(null, item.id)}
                            submitLabel="Save item"
                            className="mt-2 grid gap-3 sm:grid-cols-3"
                          >
                            <AgendaItemFields
                              idPrefix={`agenda-${item.id}`}
                              pageUrl={pageUrl}
                              fallback={fallbackFor(`agenda-${item.id}`)}
                              zone={zone}
                              item={item}
                            />
                          </ActionForm>
                        </details>
                      </div>
                    )}
                  </article>
                </Card>
              );
            })}
          </ol>
        </div>
      ))}
      {canEdit && (
        <Card as="section" id="agenda-new" aria-labelledby="add-agenda-item" className="mt-4">
          <h3 id="add-agenda-item" className="mb-2 font-semibold">
            Add an agenda item
          </h3>
          <ActionForm
            action={addAgendaItemAction.bind(null, meeting.id)}
            submitLabel="Add to agenda"
            className="grid gap-3 sm:grid-cols-3"
          >
            <AgendaItemFields
              idPrefix="agenda"
              form="agenda-new"
              pageUrl={pageUrl}
              fallback={fallbackFor('agenda-new')}
              zone={zone}
              defaultDate={toZonedParts(meeting.startsAt, zone).date}
            />
          </ActionForm>
        </Card>
      )}
    </section>
  );
}

/**
 * The fields of an agenda item, blank for a new one or filled from `item` (or from `fallback`, what the form held when
 * a no-JavaScript search sent it back); ids start with `idPrefix`.
 */
function AgendaItemFields({
  idPrefix,
  form = idPrefix,
  pageUrl,
  fallback,
  zone,
  item,
  defaultDate,
}: {
  idPrefix: string;
  form?: string;
  pageUrl: string;
  fallback: AgendaFallback | null;
  zone: string;
  item?: AgendaEntry;
  defaultDate?: string;
}) {
  const start = item ? toZonedParts(item.startsAt, zone) : null;
  const end = item ? toZonedParts(item.endsAt, zone) : null;
  const echoed = fallback?.values ?? {};
  const input = (name: string, label: string, type: string, defaultValue?: string | null, lang?: string) => (
    <FormRow id={`${idPrefix}-${name}`} label={label}>
      <input
        id={`${idPrefix}-${name}`}
        name={name}
        type={type}
        lang={lang}
        defaultValue={echoed[name] ?? defaultValue ?? undefined}
        className={inputClass}
      />
    </FormRow>
  );
  const textarea = (name: string, label: string, defaultValue?: string | null, lang?: string) => (
    <div className="sm:col-span-3">
      <FormRow
        id={`${idPrefix}-${name}`}
        label={label}
        hint="Paragraphs separated by a blank line; **bold**, *italic*, lists and links as in Markdown."
      >
        <textarea
          id={`${idPrefix}-${name}`}
          name={name}
          rows={4}
          lang={lang}
          defaultValue={echoed[name] ?? defaultValue ?? undefined}
          className={inputClass}
        />
      </FormRow>
    </div>
  );
  const people = (name: (typeof AGENDA_PEOPLE_FIELDS)[number], label: string, role: keyof typeof ROLE_LABEL) => {
    const searched = fallback?.fields[name];
    const chosen =
      searched?.chosen ??
      item?.people.filter((p) => p.role === role).map((p) => ({ id: p.contactId, name: p.name })) ??
      [];
    return (
      <div className="sm:col-span-3">
        <PeoplePicker
          // Saved in another order (or by someone else): start again from what is saved.
          key={chosen.map((p) => p.id).join()}
          id={`${idPrefix}-${name}`}
          name={name}
          label={label}
          multiple
          chosen={chosen}
          query={searched?.query}
          results={searched?.results ?? null}
          find={{ action: `${pageUrl}#${form}`, value: form }}
        />
      </div>
    );
  };
  return (
    <>
      <FormRow id={`${idPrefix}-kind`} label="Kind of item">
        <select
          id={`${idPrefix}-kind`}
          name="kind"
          defaultValue={echoed.kind ?? item?.kind ?? 'working_session'}
          className={inputClass}
        >
          {AGENDA_ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {AGENDA_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </FormRow>
      {input('date', 'Day', 'date', start?.date ?? defaultDate)}
      {input('room', 'Room in English', 'text', item?.room)}
      {input('startTime', 'From', 'time', start?.time)}
      {input('endTime', 'To', 'time', end?.time)}
      <div />
      {input('roomRu', 'Room in Russian', 'text', item?.roomRu, 'ru')}
      {input('titleEn', 'Item title in English', 'text', item?.titleEn)}
      {input('titleRu', 'Item title in Russian', 'text', item?.titleRu, 'ru')}
      <div />
      {textarea('descriptionEn', 'Description in English', item?.descriptionEn)}
      {textarea('descriptionRu', 'Description in Russian', item?.descriptionRu, 'ru')}
      {people('speakers', 'Speakers', 'speaker')}
      {people('moderators', 'Moderators', 'moderator')}
      {people('participants', 'Participants (side meetings)', 'participant')}
    </>
  );
}
