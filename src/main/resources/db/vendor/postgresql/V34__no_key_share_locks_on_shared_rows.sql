-- A foreign key makes PostgreSQL lock the row it points to (FOR KEY SHARE) for every row inserted.
-- Two append-only tables pointed at rows that many transactions share at once: every decision at
-- the one set of rules fired that most decisions share, and every debtor's link at its customer,
-- whose other debts take their steps at the same moment. Each such lock, taken while another
-- transaction holds one, makes a new multixact (about one per step of the schedule, counted in
-- ScheduleBenchmark), written to disk and read back by every later check of that row. Neither row
-- is ever deleted (rule sets are append-only; customers stay when their debts are purged), so the
-- two keys guarded nothing a step could break. The keys to the receivable stay: a step already
-- holds its receivable's row locked, so checking them takes no new lock. The embedded H2 database
-- keeps both keys.
alter table decision_record drop constraint if exists decision_record_rule_set_id_fkey;
alter table portal_link drop constraint if exists portal_link_customer_id_fkey;
