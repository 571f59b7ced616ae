-- Nothing edits the audit log, not even Régua's own database user through a bug: updates and
-- deletes are refused by the database itself.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();
