CREATE TYPE "public"."attendance_mode" AS ENUM('in_person', 'online');--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attendance" "attendance_mode";