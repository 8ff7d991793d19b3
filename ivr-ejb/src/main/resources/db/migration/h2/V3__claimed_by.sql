-- Work claimed once in a cluster: the node that took a callback or an outbox row last. The claim itself is the
-- row lock plus the due time moved past a lease (Callbacks.claimDue, OutboxRows.claimDue); this column says who.
alter table callback_request add column claimedBy varchar(64);
alter table outbox_event add column claimedBy varchar(64);
