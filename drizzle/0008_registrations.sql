CREATE TYPE "public"."registration_status" AS ENUM('registered', 'waitlisted', 'offered', 'lapsed', 'cancelled');--> statement-breakpoint
CREATE TABLE "registrations" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" "registration_status" NOT NULL,
	"passport_name" text NOT NULL,
	"display_name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"organisation_name" text NOT NULL,
	"country" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"arrival_date" date,
	"departure_date" date,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"dietary_needs" text DEFAULT '' NOT NULL,
	"list_consent" boolean DEFAULT false NOT NULL,
	"data_consent_at" timestamp with time zone NOT NULL,
	"visa_data" text,
	"visa_purged_at" timestamp with time zone,
	"waitlisted_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_country_iso2" CHECK ("registrations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "registrations_stay" CHECK ("registrations"."departure_date" >= "registrations"."arrival_date")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "calendar_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "visa_support" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "waitlist_offer_hours" integer DEFAULT 48 NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_meeting_status_idx" ON "registrations" USING btree ("meeting_id","status","waitlisted_at");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_waitlist_offer_hours" CHECK ("meetings"."waitlist_offer_hours" between 1 and 336);