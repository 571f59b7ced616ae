-- Delivery of the outbox: a worker claims due contacts with a lease, sends them and records
-- the outcome. Portable between PostgreSQL and H2.

-- the step a message belongs to (receivable + step, without the channel): the weekly cap counts steps
alter table contact add column step_key varchar(200);
-- when the worker may take the contact next: now, after a backoff, or at the next contact window
alter table contact add column next_attempt_at timestamp with time zone;
-- who holds the contact and until when; a lease that expires frees it for another worker
alter table contact add column claim_token varchar(64);
alter table contact add column lease_until timestamp with time zone;
alter table contact add column attempts integer not null default 0;
alter table contact add column last_error varchar(500);
alter table contact add column provider_id varchar(200);
alter table contact add column sent_at timestamp with time zone;
alter table contact add column delivered_at timestamp with time zone;
-- the contact this one replaces when a channel failed
alter table contact add column fallback_of bigint;

update contact set next_attempt_at = created_at where next_attempt_at is null;

create index ix_contact_due on contact (status, next_attempt_at);
create index ix_contact_sent_at on contact (sent_at);

-- the boleto's typeable line when the backend sent one with the receivable
alter table receivable add column boleto_line varchar(60);

-- channels a debtor asked not to be contacted through; honoured from the moment it is stored
create table contact_opt_out (
    customer_id bigint not null references customer (id),
    channel     varchar(10) not null,
    created_at  timestamp with time zone not null,
    constraint pk_contact_opt_out primary key (customer_id, channel)
);

-- a subject holds the receivable's description (up to 500 characters) and a few words around it
alter table contact alter column subject set data type varchar(700);
