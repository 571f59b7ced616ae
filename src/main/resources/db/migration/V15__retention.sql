-- Retention: what was said and decided about a debt is kept for the years the law gives to claim
-- it, counted from the day it closed, then purged. The receivable keeps the time of its purge.
alter table receivable add column purged_at timestamp with time zone;
create index ix_receivable_closed on receivable (status, updated_at);
