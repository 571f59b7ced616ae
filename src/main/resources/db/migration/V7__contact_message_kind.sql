-- A message has a kind (schedule message, installment reminder, thank-you, agreement, dispute),
-- each with its own rule on when it may still be delivered; the stage is only a schedule
-- message's. Portable between PostgreSQL and H2.

alter table contact add column kind varchar(24);
-- an installment reminder names its agreement and installment, so the worker can ask whether it is still owed
alter table contact add column agreement_id varchar(36);
alter table contact add column installment integer;
alter table contact alter column stage drop not null;

-- installment reminders were keyed <receivable>:AGREEMENT-<agreement id>-INSTALLMENT-<n>:<channel>
update contact set kind = 'INSTALLMENT_REMINDER',
       agreement_id = substring(idempotency_key from position(':AGREEMENT-' in idempotency_key) + 11 for 36),
       installment = cast(substring(idempotency_key
                                    from position('-INSTALLMENT-' in idempotency_key) + 13
                                    for length(idempotency_key) - length(channel) - position('-INSTALLMENT-' in idempotency_key) - 13)
                          as integer),
       stage = null
where position(':AGREEMENT-' in idempotency_key) > 0 and position('-INSTALLMENT-' in idempotency_key) > 0;
update contact set kind = 'THANK_YOU' where kind is null and stage = 'PAID';
update contact set kind = 'SCHEDULE' where kind is null;

alter table contact alter column kind set not null;
