-- What the daily purge looks for, indexed as it asks (measured with 1,000,000 closed debts in
-- RetentionBenchmark). The index on (status, updated_at) also held every debt already purged: a
-- batch of the purge walked past all of them again (233 ms a batch once 219,000 were purged, and
-- more every day), so a purge of N debts cost N² / 500 row visits. This one holds only the closed
-- debts not yet purged; a debt leaves it when it is purged. PostgreSQL only (a partial index); the
-- embedded database keeps the plain one.
drop index if exists ix_receivable_closed;
create index ix_receivable_to_purge on receivable (updated_at, id)
    where purged_at is null and status in ('PAID', 'CANCELLED', 'WRITTEN_OFF');

-- Links that open nothing any more go with the purge; without these it read every link ever made.
create index ix_portal_link_expires on portal_link (expires_at);
create index ix_portal_link_revoked on portal_link (revoked_at) where revoked_at is not null;
