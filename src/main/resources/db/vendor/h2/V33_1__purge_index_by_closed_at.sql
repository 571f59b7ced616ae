-- The debts to purge, by the moment they closed (V33) instead of their last update, as on PostgreSQL.
drop index if exists ix_receivable_closed;
create index ix_receivable_closed on receivable (status, closed_at);
