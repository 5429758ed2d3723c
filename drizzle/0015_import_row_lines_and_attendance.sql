CREATE TYPE "public"."attendance_mode" AS ENUM('in_person', 'online');--> statement-breakpoint
ALTER TABLE "contact_imports" ADD COLUMN "row_lines" jsonb;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attendance" "attendance_mode";