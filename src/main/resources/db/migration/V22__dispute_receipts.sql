-- The receipt a debtor attached to "Já paguei" on their page: the file as sent (a PDF, PNG or JPEG,
-- its type read from its first bytes), kept for the staff who resolve the dispute and purged with
-- the case's other records after the retention period.
create table dispute_receipt (
    dispute_id   varchar(36) primary key references dispute (id),
    content      bytea not null,
    content_type varchar(40) not null,
    size_bytes   integer not null,
    sha256       varchar(64) not null,
    created_at   timestamp with time zone not null
);
