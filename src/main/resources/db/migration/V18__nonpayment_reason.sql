-- Why a debtor could not pay, as they told us on their page: a fact the rules read.
alter table customer add column nonpayment_reason varchar(20);
alter table customer add column nonpayment_reason_at timestamp with time zone;
