-- What kind of offer an agreement was made from (PAY_NOW, INSTALLMENTS, EXTENSION). A prorrogação is
-- followed as a one-installment agreement, and the policy limits how many times one receivable may be
-- extended: the kind is what that count reads. Agreements made before this version have none; none
-- of them was an extension.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

alter table agreement add column kind varchar(12);
