ALTER TABLE "meeting_organisations" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "objectives_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "objectives_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "meeting_link" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "registration_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_capacity_positive" CHECK ("meetings"."capacity" > 0);--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_deadline_before_start" CHECK ("meetings"."registration_deadline" <= "meetings"."starts_at");