-- The recovery report credits each payment to what the case looked like when it came in: the stage
-- it had reached, its segment and the policy version that decided it. The receivable keeps only its
-- current stage and segment, so they are written with the payment. Payments recorded before this
-- version have none: the report counts them as "not recorded" rather than guess.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

alter table payment add column stage_at_payment varchar(40);
alter table payment add column segment_at_payment varchar(20);
alter table payment add column policy_number integer;

-- the report reads the payments of a period
create index ix_payment_paid_at on payment (paid_at);
