-- Reports: the receivables list pages in due-date order (then id, so a page never shifts), and the
-- aging report reads the open receivables by status and due date.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

create index ix_receivable_due_date on receivable (due_date, id);
create index ix_receivable_status_due_date on receivable (status, due_date);
