CREATE TYPE "public"."delegation_kind" AS ENUM('state', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."delegation_member_status" AS ENUM('pending', 'invited', 'replaced', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."substitution_status" AS ENUM('proposed', 'accepted', 'refused');--> statement-breakpoint
CREATE TABLE "delegation_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"invitation_id" uuid,
	"status" "delegation_member_status" NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"passport_name" text NOT NULL,
	"display_name" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"language" "contact_language" NOT NULL,
	"head" boolean DEFAULT false NOT NULL,
	"replaces_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" "delegation_kind" NOT NULL,
	"country_code" text,
	"organisation_id" uuid,
	"focal_point_contact_id" uuid NOT NULL,
	"quota" integer NOT NULL,
	"nomination_deadline" timestamp with time zone,
	"addressee_en" text NOT NULL,
	"addressee_ru" text NOT NULL,
	"language" "contact_language" NOT NULL,
	"link_version" integer DEFAULT 1 NOT NULL,
	"link_revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_quota_positive" CHECK ("delegations"."quota" between 1 and 100),
	CONSTRAINT "delegations_country_iso2" CHECK ("delegations"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "delegations_kind_target" CHECK (("delegations"."kind" = 'state' and "delegations"."country_code" is not null and "delegations"."organisation_id" is null) or ("delegations"."kind" = 'organisation' and "delegations"."organisation_id" is not null and "delegations"."country_code" is null))
);
--> statement-breakpoint
CREATE TABLE "substitution_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"delegation_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"language" "contact_language" NOT NULL,
	"status" "substitution_status" DEFAULT 'proposed' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"substitute_invitation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "substitute_for_invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "approve_nominations" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "delegation_members" ADD CONSTRAINT "delegation_members_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_members" ADD CONSTRAINT "delegation_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_members" ADD CONSTRAINT "delegation_members_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_members" ADD CONSTRAINT "delegation_members_replaces_member_id_delegation_members_id_fk" FOREIGN KEY ("replaces_member_id") REFERENCES "public"."delegation_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_focal_point_contact_id_contacts_id_fk" FOREIGN KEY ("focal_point_contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_proposals" ADD CONSTRAINT "substitution_proposals_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_proposals" ADD CONSTRAINT "substitution_proposals_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_proposals" ADD CONSTRAINT "substitution_proposals_substitute_invitation_id_invitations_id_fk" FOREIGN KEY ("substitute_invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegation_members_delegation_idx" ON "delegation_members" USING btree ("delegation_id","status");--> statement-breakpoint
CREATE INDEX "delegation_members_invitation_idx" ON "delegation_members" USING btree ("invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_meeting_country_unique" ON "delegations" USING btree ("meeting_id","country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_meeting_organisation_unique" ON "delegations" USING btree ("meeting_id","organisation_id");--> statement-breakpoint
CREATE INDEX "delegations_focal_point_idx" ON "delegations" USING btree ("focal_point_contact_id");--> statement-breakpoint
CREATE INDEX "substitution_proposals_invitation_idx" ON "substitution_proposals" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "substitution_proposals_delegation_idx" ON "substitution_proposals" USING btree ("delegation_id","status");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_substitute_for_invitation_id_invitations_id_fk" FOREIGN KEY ("substitute_for_invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes_verbales" ADD CONSTRAINT "notes_verbales_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE set null ON UPDATE no action;