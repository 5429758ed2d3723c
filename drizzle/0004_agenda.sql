CREATE TYPE "public"."agenda_item_kind" AS ENUM('opening', 'statement', 'panel', 'working_session', 'break', 'side_meeting', 'briefing');--> statement-breakpoint
CREATE TYPE "public"."agenda_person_role" AS ENUM('speaker', 'moderator', 'participant');--> statement-breakpoint
CREATE TABLE "agenda_item_people" (
	"agenda_item_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" "agenda_person_role" NOT NULL,
	CONSTRAINT "agenda_item_people_agenda_item_id_contact_id_role_pk" PRIMARY KEY("agenda_item_id","contact_id","role")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" "agenda_item_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"title_en" text NOT NULL,
	"title_ru" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_ru" text DEFAULT '' NOT NULL,
	"room" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_ends_after_start" CHECK ("agenda_items"."ends_at" > "agenda_items"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda_published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_item_people" ADD CONSTRAINT "agenda_item_people_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_people" ADD CONSTRAINT "agenda_item_people_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_item_people_contact_idx" ON "agenda_item_people" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");