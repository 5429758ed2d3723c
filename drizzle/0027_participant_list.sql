CREATE TABLE "participant_list_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"entries" integer NOT NULL,
	"model_en" jsonb NOT NULL,
	"model_ru" jsonb NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" uuid,
	CONSTRAINT "participant_list_releases_basis" CHECK ("participant_list_releases"."basis" in ('registered', 'attended'))
);
--> statement-breakpoint
ALTER TABLE "delegation_members" ADD COLUMN "list_order" integer;--> statement-breakpoint
ALTER TABLE "participant_list_releases" ADD CONSTRAINT "participant_list_releases_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_list_releases" ADD CONSTRAINT "participant_list_releases_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participant_list_releases_meeting_idx" ON "participant_list_releases" USING btree ("meeting_id","released_at");