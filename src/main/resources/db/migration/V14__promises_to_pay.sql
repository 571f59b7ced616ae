-- Promises to pay: a debtor's word to pay an amount by a date, with the tolerance (days and
-- reais) the rules gave when it was made, so that a later policy does not change a promise
-- already made. Portable between PostgreSQL and H2.

create table promise (
    id               varchar(36) primary key,
    receivable_id    bigint not null references receivable (id),
    amount           numeric(15, 2) not null,
    promised_on      date not null,
    tolerance_days   integer not null,
    tolerance_amount numeric(15, 2) not null,
    status           varchar(12) not null,
    policy_version   varchar(64) not null,
    made_by          varchar(100),
    made_at          timestamp with time zone not null,
    ended_at         timestamp with time zone
);
create index ix_promise_receivable on promise (receivable_id);

-- the customer's payment history counts promises kept and broken, which the rules may read
alter table customer add column promises_kept integer default 0 not null;
alter table customer add column promises_broken integer default 0 not null;

-- while a promise is open the case takes no step before this moment (the promised date plus the tolerance)
alter table receivable add column held_until timestamp with time zone;

-- a promise reminder names its promise, so the delivery worker can ask whether it is still open
alter table contact add column promise_id varchar(36);
