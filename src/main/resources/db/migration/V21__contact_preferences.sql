-- How a debtor likes to be contacted, said on their page or sent by the backend with the
-- receivable: a channel (EMAIL, SMS, WHATSAPP) and a time of day named in the policy's table
-- "Preferred times of day" (e.g. MORNING). Facts the rules read; the law's limits still win.
alter table customer add column preferred_channel varchar(10);
alter table customer add column preferred_time varchar(20);
alter table customer add column preferences_at timestamp with time zone;
