CREATE TYPE "public"."meeting_format" AS ENUM('in_person', 'hybrid', 'online');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('plenary', 'working_group', 'briefing', 'side_event');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('draft', 'planned', 'invitations_open', 'registration_closed', 'held', 'summary_published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."organisation_role" AS ENUM('organiser', 'co_organiser', 'partner', 'participating');--> statement-breakpoint
CREATE TYPE "public"."organisation_type" AS ENUM('un_entity', 'government', 'regional_organisation', 'international_organisation', 'civil_society', 'academic', 'diplomatic_mission', 'media', 'other');--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"mandate_en" text DEFAULT '' NOT NULL,
	"mandate_ru" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_organisations" (
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "organisation_role" NOT NULL,
	CONSTRAINT "meeting_organisations_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"title_en" text NOT NULL,
	"title_ru" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"format" "meeting_format" NOT NULL,
	"city_en" text,
	"city_ru" text,
	"country" text,
	"venue_en" text,
	"venue_ru" text,
	"status" "meeting_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_ends_after_start" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_country_iso2" CHECK ("meetings"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text,
	"acronym" text,
	"type" "organisation_type" NOT NULL,
	"country" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_country_iso2" CHECK ("organisations"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "meeting_organisations" ADD CONSTRAINT "meeting_organisations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_organisations" ADD CONSTRAINT "meeting_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_organisations_organisation_idx" ON "meeting_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "meetings_council_starts_idx" ON "meetings" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "organisations_acronym_idx" ON "organisations" USING btree ("acronym");