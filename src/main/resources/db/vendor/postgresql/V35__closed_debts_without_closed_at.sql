-- Debts closed without a closing moment: by a node of the release before V33 while the nodes are
-- upgraded one at a time. The daily purge gives them one (their last update) before it looks for
-- the debts to purge, and finds them through this index, empty the rest of the time.
create index ix_receivable_closed_unstamped on receivable (id)
    where closed_at is null and status in ('PAID', 'CANCELLED', 'WRITTEN_OFF');
