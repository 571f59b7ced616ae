-- A case event is a stage the case reached (STAGE), or the case deleted in the process engine
-- from outside Régua (DELETED_IN_ENGINE: Cockpit, /engine-rest), with who did it and the reason given.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

alter table case_event add column kind varchar(20) default 'STAGE' not null;
alter table case_event add column actor varchar(100);
alter table case_event add column reason varchar(1000);
