-- A letter as it was printed: its PDF (rendered once, when it left, so the document shown later is
-- the one posted), the address it went to, the daily batch it went in (when no print-and-post
-- provider is configured) and the post's tracking code and return receipt (AR). Purged with its contact.
create table letter (
    contact_id    bigint primary key references contact (id) on delete cascade,
    pdf           bytea not null,
    address       varchar(500) not null,
    batch_date    date,
    tracking_code varchar(100),
    received_at   timestamp with time zone,
    created_at    timestamp with time zone not null
);
create index letter_batch_date on letter (batch_date);
