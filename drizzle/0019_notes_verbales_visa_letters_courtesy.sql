CREATE TABLE "note_reference_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "note_reference_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "notes_verbales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"delegation_id" uuid,
	"reference" text NOT NULL,
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"language" "contact_language" NOT NULL,
	"addressee" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by_id" uuid,
	"issued_by_email" text,
	CONSTRAINT "notes_verbales_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "visa_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"language" "contact_language" NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by_id" uuid,
	"issued_by_email" text
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "courtesy_title" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "grammatical_gender" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "note_reference_prefix" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "note_place_en" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "note_place_ru" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "note_text_en" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "note_text_ru" text;--> statement-breakpoint
ALTER TABLE "notes_verbales" ADD CONSTRAINT "notes_verbales_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes_verbales" ADD CONSTRAINT "notes_verbales_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notes_verbales_number_unique" ON "notes_verbales" USING btree ("prefix","year","number");--> statement-breakpoint
CREATE INDEX "notes_verbales_meeting_idx" ON "notes_verbales" USING btree ("meeting_id","issued_at");--> statement-breakpoint
CREATE INDEX "visa_letters_meeting_idx" ON "visa_letters" USING btree ("meeting_id","issued_at");--> statement-breakpoint
CREATE INDEX "visa_letters_invitation_idx" ON "visa_letters" USING btree ("invitation_id");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_courtesy_title" CHECK ("contacts"."courtesy_title" in ('Mr.', 'Ms.', 'Dr.', 'Prof.', 'H.E.'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_grammatical_gender" CHECK ("contacts"."grammatical_gender" in ('masculine', 'feminine'));