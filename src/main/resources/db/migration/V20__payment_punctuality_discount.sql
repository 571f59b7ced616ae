-- The punctuality discount (desconto de pontualidade) a payment made by the due date needed to settle
-- its receivable: the policy's share of the principal, at most, and only what the payment left unpaid.
-- Zero for every other payment, and for those recorded before this version.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

alter table payment add column punctuality_discount numeric(15, 2) not null default 0;
