-- When a debt last became closed (paid, cancelled, written off); null while it is owed. The
-- retention period runs from it. It was read from updated_at, which every step of the schedule
-- moves: an index on updated_at made each step's update of the receivable write a new entry in
-- every index of the table (no heap-only update); closed_at changes once, when the debt closes.
alter table receivable add column closed_at timestamp with time zone;
update receivable set closed_at = updated_at where status in ('PAID', 'CANCELLED', 'WRITTEN_OFF');
