-- A payment an external collection agency collected: the agency's name and the commission it keeps
-- (the policy's rate for the debt's days overdue on the day it was paid, times the amount paid).
-- Null for every other payment, and for those recorded before this version.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

alter table payment add column agency varchar(100);
alter table payment add column agency_commission_rate numeric(7, 4);
alter table payment add column agency_commission numeric(15, 2);
