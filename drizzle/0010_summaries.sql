CREATE TYPE "public"."summary_status" AS ENUM('draft', 'in_review', 'published');--> statement-breakpoint
CREATE TABLE "summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"status" "summary_status" DEFAULT 'draft' NOT NULL,
	"headline_en" text NOT NULL,
	"headline_ru" text NOT NULL,
	"lead_en" text NOT NULL,
	"lead_ru" text NOT NULL,
	"body_en" text NOT NULL,
	"body_ru" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_by_id" uuid,
	"submitted_at" timestamp with time zone,
	"published_by_id" uuid,
	"published_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "summaries_meetingId_unique" UNIQUE("meeting_id"),
	CONSTRAINT "summaries_slug_unique" UNIQUE("slug"),
	CONSTRAINT "summaries_slug_format" CHECK ("summaries"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("summaries"."slug") <= 120)
);
--> statement-breakpoint
CREATE TABLE "summary_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"summary_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"alt_en" text NOT NULL,
	"alt_ru" text NOT NULL,
	"credit" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_versions" (
	"summary_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" jsonb NOT NULL,
	"saved_by_id" uuid,
	"saved_by_email" text,
	"note" text DEFAULT '' NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "summary_versions_summary_id_number_pk" PRIMARY KEY("summary_id","number")
);
--> statement-breakpoint
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_photos" ADD CONSTRAINT "summary_photos_summary_id_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "public"."summaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_photos" ADD CONSTRAINT "summary_photos_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_versions" ADD CONSTRAINT "summary_versions_summary_id_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "public"."summaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_versions" ADD CONSTRAINT "summary_versions_saved_by_id_users_id_fk" FOREIGN KEY ("saved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "summaries_published_idx" ON "summaries" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "summary_photos_summary_idx" ON "summary_photos" USING btree ("summary_id","position");