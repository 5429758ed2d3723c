CREATE TABLE "meeting_slugs" (
	"slug" text PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "room_ru" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "meeting_slugs" ADD CONSTRAINT "meeting_slugs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_slugs_meeting_idx" ON "meeting_slugs" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_slug_unique" UNIQUE("slug");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_slug_format" CHECK ("meetings"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("meetings"."slug") <= 120);--> statement-breakpoint
-- The slug of a meeting inserted without one (seed scripts, test factories, rows from before this migration): the
-- rule of lib/meeting-slug.ts (English title in Latin letters, lower-case, hyphens, at most 80 characters cut at a
-- word, then the venue's year; accented letters are not folded here), made free with -2, -3 … against current and
-- earlier slugs. The app sets slugs itself (db/meeting-slugs.ts).
CREATE FUNCTION meeting_slug_base(title text, year int) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  b text := lower(title);
BEGIN
  b := replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(b,
    'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ё', 'yo'), 'ғ', 'gh'),
    'ң', 'ng');
  -- Hard and soft signs have no counterpart in the second list: translate() drops them.
  b := translate(b, 'абвгдезийклмнопрстуфыэәқөұүһіҳӣӯҷўъь', 'abvgdeziyklmnoprstufyeaqouuhihiujo');
  b := trim(both '-' from regexp_replace(b, '[^a-z0-9]+', '-', 'g'));
  IF length(b) > 80 THEN
    b := left(regexp_replace(left(b, 81), '-[^-]*$', ''), 80);
    b := trim(both '-' from b);
  END IF;
  IF b = '' THEN RETURN year::text; END IF;
  IF b = year::text OR b LIKE '%-' || year::text THEN RETURN b; END IF;
  RETURN b || '-' || year::text;
END $$;
--> statement-breakpoint
CREATE FUNCTION meetings_fill_slug() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  base text;
BEGIN
  IF NEW.slug IS NOT NULL THEN RETURN NEW; END IF;
  base := meeting_slug_base(NEW.title_en, extract(year FROM NEW.starts_at AT TIME ZONE NEW.time_zone)::int);
  -- One query, however many meetings share the title (test factories insert hundreds of "Plenary").
  SELECT candidate INTO NEW.slug
  FROM (
    SELECT 1 AS n, base AS candidate
    UNION ALL
    SELECT n, base || '-' || n::text FROM generate_series(2, 1000000) AS n
  ) AS candidates
  WHERE NOT EXISTS (SELECT 1 FROM meetings WHERE slug = candidates.candidate AND id <> NEW.id)
    AND NOT EXISTS (SELECT 1 FROM meeting_slugs WHERE slug = candidates.candidate)
  ORDER BY n
  LIMIT 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER meetings_fill_slug BEFORE INSERT OR UPDATE OF slug ON meetings FOR EACH ROW EXECUTE FUNCTION meetings_fill_slug();
--> statement-breakpoint
-- Existing meetings, oldest first (the first of two same-named meetings keeps the plain slug).
DO $$
DECLARE
  m record;
BEGIN
  FOR m IN SELECT id FROM meetings WHERE slug IS NULL ORDER BY created_at, id LOOP
    UPDATE meetings SET slug = NULL WHERE id = m.id;
  END LOOP;
END $$;
