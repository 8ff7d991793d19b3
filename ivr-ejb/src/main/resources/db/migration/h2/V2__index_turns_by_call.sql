-- The turns of a call are read with the call (the console, replays) and deleted with it (retention): an index
-- on the foreign key, which PostgreSQL does not create by itself.
create index ix_turn_call on turn (call_id);
