CREATE TYPE "public"."contact_language" AS ENUM('en', 'ru');--> statement-breakpoint
CREATE TYPE "public"."roster_role" AS ENUM('national_expert', 'focal_point', 'chair', 'member', 'observer');--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation_id" uuid,
	"country" text,
	"language" "contact_language" DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_country_iso2" CHECK ("contacts"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" "roster_role" NOT NULL,
	"nominated_by_country" text,
	"nominated_by_organisation_id" uuid,
	"term_from" date NOT NULL,
	"term_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_members_term_order" CHECK ("council_members"."term_to" >= "council_members"."term_from"),
	CONSTRAINT "council_members_nominated_country_iso2" CHECK ("council_members"."nominated_by_country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "working_group_members" (
	"working_group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "working_group_members_working_group_id_member_id_pk" PRIMARY KEY("working_group_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "working_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "secretariat_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "working_group_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_nominated_by_organisation_id_organisations_id_fk" FOREIGN KEY ("nominated_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_email_unique" ON "contacts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "contacts_organisation_idx" ON "contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("council_id","term_from");--> statement-breakpoint
CREATE INDEX "council_members_contact_idx" ON "council_members" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "working_group_members_member_idx" ON "working_group_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "working_groups_council_idx" ON "working_groups" USING btree ("council_id");--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_secretariat_organisation_id_organisations_id_fk" FOREIGN KEY ("secretariat_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE set null ON UPDATE no action;