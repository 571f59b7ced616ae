-- A debtor's postal address, where letters go: optional, sent by the backend with the receivable.
-- The CEP is kept as its 8 digits.
alter table customer add column address_street varchar(200);
alter table customer add column address_number varchar(20);
alter table customer add column address_complement varchar(100);
alter table customer add column address_district varchar(100);
alter table customer add column address_city varchar(100);
alter table customer add column address_state varchar(2);
alter table customer add column address_postal_code varchar(8);
