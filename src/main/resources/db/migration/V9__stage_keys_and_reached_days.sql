-- A stage is data: the collection BPMN declares each stage's key, and a case keeps the day it first
-- reached each stage (what notices the debtor had), not one column per notice. The credit bureau
-- prior notice's day, kept in a column of its own until now, is the first entry.
alter table receivable add column reached_days varchar(2000);
update receivable set reached_days = 'BUREAU_PRIOR_NOTICE:' || cast(bureau_notice_day as varchar(12))
 where bureau_notice_day is not null;

