-- ISO 3166-1 codes that were withdrawn (SU, DD, YU…) or are reserved for part of an entry (UK, EA…), stored by the
-- pickers built from Intl.DisplayNames before the UN country list, become the current code. The table is
-- lib/countries.ts's WITHDRAWN_CODES (db/country-codes.db.test.ts holds the two equal). Visa details are encrypted
-- JSON out of SQL's reach: their nationality is named through the same table when shown.
create table "withdrawn_country_codes" ("old_code" text primary key, "new_code" text not null);--> statement-breakpoint
insert into "withdrawn_country_codes" ("old_code", "new_code") values
  ('AC', 'SH'),
  ('AN', 'CW'),
  ('BU', 'MM'),
  ('CP', 'FR'),
  ('CQ', 'GG'),
  ('CS', 'RS'),
  ('DD', 'DE'),
  ('DG', 'IO'),
  ('DY', 'BJ'),
  ('EA', 'ES'),
  ('FX', 'FR'),
  ('HV', 'BF'),
  ('IC', 'ES'),
  ('NH', 'VU'),
  ('RH', 'ZW'),
  ('SU', 'RU'),
  ('TA', 'SH'),
  ('TP', 'TL'),
  ('UK', 'GB'),
  ('VD', 'VN'),
  ('YD', 'YE'),
  ('YU', 'RS'),
  ('ZR', 'CD');--> statement-breakpoint
update "contacts" set "country" = w.new_code from "withdrawn_country_codes" w where "contacts"."country" = w.old_code;--> statement-breakpoint
update "organisations" set "country" = w.new_code from "withdrawn_country_codes" w where "organisations"."country" = w.old_code;--> statement-breakpoint
update "meetings" set "country" = w.new_code from "withdrawn_country_codes" w where "meetings"."country" = w.old_code;--> statement-breakpoint
-- The meeting as last announced to invitees: otherwise the next update email would call the new code a change.
update "meetings" set "announced" = jsonb_set("announced", '{country}', to_jsonb(w.new_code)) from "withdrawn_country_codes" w where "meetings"."announced" ->> 'country' = w.old_code;--> statement-breakpoint
update "council_members" set "nominated_by_country" = w.new_code from "withdrawn_country_codes" w where "council_members"."nominated_by_country" = w.old_code;--> statement-breakpoint
update "registrations" set "country" = w.new_code from "withdrawn_country_codes" w where "registrations"."country" = w.old_code;--> statement-breakpoint
drop table "withdrawn_country_codes";
