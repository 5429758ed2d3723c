CREATE TABLE "badge_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"printed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"day" date NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_by" uuid,
	"badge_code_id" uuid,
	"device_key" text,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "walk_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "gender" text DEFAULT 'prefer_not_to_say' NOT NULL;--> statement-breakpoint
ALTER TABLE "badge_codes" ADD CONSTRAINT "badge_codes_invitation_id_registrations_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."registrations"("invitation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_codes" ADD CONSTRAINT "badge_codes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_invitation_id_registrations_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."registrations"("invitation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_badge_code_id_badge_codes_id_fk" FOREIGN KEY ("badge_code_id") REFERENCES "public"."badge_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "badge_codes_hash_unique" ON "badge_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_codes_current_unique" ON "badge_codes" USING btree ("invitation_id") WHERE "badge_codes"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "badge_codes_meeting_idx" ON "badge_codes" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_person_day_unique" ON "check_ins" USING btree ("invitation_id","day") WHERE "check_ins"."undone_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_device_key_unique" ON "check_ins" USING btree ("device_key");--> statement-breakpoint
CREATE INDEX "check_ins_meeting_day_idx" ON "check_ins" USING btree ("meeting_id","day");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_gender" CHECK ("registrations"."gender" in ('female', 'male', 'other', 'prefer_not_to_say'));