ALTER TABLE "invitations" ADD COLUMN "last_reminded_at" timestamp with time zone;--> statement-breakpoint
-- Reminders sent before the column existed still count for the 24 hours in which nobody is reminded twice.
UPDATE "invitations" SET "last_reminded_at" = r."at" FROM (
  SELECT "invitation_id", max("created_at") AS "at" FROM "outbox_messages"
  WHERE "kind" = 'invitation.reminder' AND "invitation_id" IS NOT NULL GROUP BY "invitation_id"
) r WHERE r."invitation_id" = "invitations"."id";
