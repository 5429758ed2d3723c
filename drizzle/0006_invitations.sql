CREATE TYPE "public"."invitation_role" AS ENUM('delegate', 'speaker', 'observer', 'media');--> statement-breakpoint
CREATE TYPE "public"."invitation_status" AS ENUM('invited', 'accepted', 'declined', 'revoked');--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" "invitation_role" NOT NULL,
	"email" text NOT NULL,
	"language" "contact_language" NOT NULL,
	"status" "invitation_status" DEFAULT 'invited' NOT NULL,
	"link_version" integer DEFAULT 1 NOT NULL,
	"answered_at" timestamp with time zone,
	"decline_reason" text,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "invitation_text_en" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "invitation_text_ru" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "reminder_text_en" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "reminder_text_ru" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "auto_reminder_days" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "auto_reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "announced" jsonb;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_meeting_contact_unique" ON "invitations" USING btree ("meeting_id","contact_id");--> statement-breakpoint
CREATE INDEX "invitations_contact_idx" ON "invitations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "invitations_meeting_status_idx" ON "invitations" USING btree ("meeting_id","status");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_invitation_idx" ON "outbox_messages" USING btree ("invitation_id","created_at");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_auto_reminder_days" CHECK ("meetings"."auto_reminder_days" between 1 and 60);