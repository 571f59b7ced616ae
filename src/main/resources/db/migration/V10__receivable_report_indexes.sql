-- Reports: the receivables list pages in due-date order, then id, so a page never shifts.
-- (The aging report reads the open receivables through ix_receivable_status, or the whole table
-- when most receivables are open.)
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

create index ix_receivable_due_date on receivable (due_date, id);
