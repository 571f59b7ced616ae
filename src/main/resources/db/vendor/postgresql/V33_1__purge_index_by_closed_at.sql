-- The debts to purge, by the moment they closed (V33) instead of their last update: a step of the
-- schedule changes no indexed column of the receivable any more, so PostgreSQL updates the row in
-- place on its page (a heap-only update) without touching the table's seven indexes. Room is kept
-- on each page for those updates (fill factor 80: the rows added from now on leave a fifth free).
drop index if exists ix_receivable_to_purge;
create index ix_receivable_to_purge on receivable (closed_at, id)
    where purged_at is null and status in ('PAID', 'CANCELLED', 'WRITTEN_OFF');
alter table receivable set (fillfactor = 80);
