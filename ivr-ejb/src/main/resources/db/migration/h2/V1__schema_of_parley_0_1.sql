-- Parley's schema as Parley 0.1 had Hibernate create it (hbm2ddl): a database made by that release is taken as
-- this version without running it (SchemaMigration). Sequences step by 50: Hibernate hands out ids in blocks.

create sequence call_record_SEQ start with 1 increment by 50;

create sequence callback_request_SEQ start with 1 increment by 50;

create sequence case_record_SEQ start with 1 increment by 50;

create sequence customer_record_SEQ start with 1 increment by 50;

create sequence decision_record_SEQ start with 1 increment by 50;

create sequence outbox_event_SEQ start with 1 increment by 50;

create sequence rule_change_SEQ start with 1 increment by 50;

create sequence rule_set_version_SEQ start with 1 increment by 50;

create sequence turn_SEQ start with 1 increment by 50;

create table call_record (
    id bigint not null,
    callerNumber varchar(64),
    channel varchar(128),
    dialedNumber varchar(64),
    endedAt timestamp(6) with time zone,
    node varchar(64),
    priority integer,
    queue varchar(64),
    route varchar(64),
    startedAt timestamp(6) with time zone not null,
    status enum ('ABANDONED','COMPLETED','FAILED','INTERRUPTED','IN_PROGRESS','ROUTED') not null,
    uniqueId varchar(64) not null,
    primary key (id)
);

create table callback_request (
    id bigint not null,
    attempts integer not null,
    callUniqueId varchar(64) not null,
    createdAt timestamp(6) with time zone,
    dueAt timestamp(6) with time zone not null,
    lastError varchar(300),
    number varchar(64) not null,
    placedAt timestamp(6) with time zone,
    priority integer not null,
    queue varchar(64) not null,
    status enum ('FAILED','PENDING','PLACED') not null,
    primary key (id)
);

create table case_record (
    id bigint not null,
    caseId varchar(64) not null,
    customerId varchar(64) not null,
    open boolean not null,
    subject varchar(300),
    updatedAt timestamp(6) with time zone not null,
    version integer not null,
    primary key (id),
    constraint ix_case_id unique (caseId)
);

create table customer_record (
    id bigint not null,
    customerId varchar(64) not null,
    language varchar(8),
    name varchar(200),
    phone varchar(32) not null,
    tier varchar(32) not null,
    updatedAt timestamp(6) with time zone not null,
    version integer not null,
    primary key (id),
    constraint ix_customer_id unique (customerId)
);

create table decision_record (
    id bigint not null,
    action varchar(16),
    decisionMicros bigint not null,
    facts clob not null,
    failure varchar(1000),
    firedRules clob not null,
    priority integer not null,
    prompt varchar(128),
    queue varchar(64),
    route varchar(64),
    ruleSetVersion varchar(64) not null,
    situation clob,
    turn_id bigint not null unique,
    primary key (id)
);

create table outbox_event (
    id bigint not null,
    attempts integer not null,
    callUniqueId varchar(64),
    createdAt timestamp(6) with time zone not null,
    dead boolean not null,
    deliveredAt timestamp(6) with time zone,
    eventId varchar(36) not null,
    lastError varchar(500),
    nextAttemptAt timestamp(6) with time zone not null,
    payload clob not null,
    target varchar(500) not null,
    type varchar(32) not null,
    primary key (id)
);

create table rule_change (
    id bigint not null,
    action enum ('APPROVED','PROPOSED','PUBLISHED','REJECTED','ROLLED_BACK') not null,
    at timestamp(6) with time zone not null,
    comment varchar(1000),
    version integer not null,
    who varchar(100) not null,
    primary key (id)
);

create table rule_file (
    version_id bigint not null,
    content clob not null,
    path varchar(200) not null,
    position integer not null,
    primary key (version_id, position)
);

create table rule_set_version (
    id bigint not null,
    author varchar(100) not null,
    comment varchar(1000),
    number integer not null unique,
    publishedAt timestamp(6) with time zone not null,
    reviewComment varchar(1000),
    reviewedAt timestamp(6) with time zone,
    reviewedBy varchar(100),
    serving boolean not null,
    state enum ('PROPOSED','PUBLISHED','REJECTED'),
    primary key (id)
);

create table turn (
    id bigint not null,
    alternatives varchar(400),
    asrConfidence float(53),
    asrMillis bigint,
    at timestamp(6) with time zone not null,
    audioMillis bigint,
    confidence float(53),
    digits varchar(64),
    entities varchar(1000),
    inputMode varchar(8) not null,
    intent varchar(64),
    number integer not null,
    sentiment varchar(16),
    sentimentScore float(53),
    text varchar(1000),
    turnMicros bigint not null,
    call_id bigint not null,
    primary key (id)
);

create index ix_call_unique_id on call_record (uniqueId);

create index ix_call_started on call_record (startedAt);

create index ix_call_ended on call_record (endedAt);

create index ix_call_caller_started on call_record (callerNumber, startedAt);

create index ix_callback_due on callback_request (status, dueAt);

create index ix_case_customer on case_record (customerId);

create index ix_customer_phone on customer_record (phone);

create index ix_outbox_due on outbox_event (deliveredAt, dead, nextAttemptAt);

create index ix_outbox_event on outbox_event (eventId);

alter table decision_record add constraint FKrnl7ao70veem5s7b6e5ac82ic foreign key (turn_id) references turn;

alter table rule_file add constraint FK3a1skjml87c0iypwtifn2rbvp foreign key (version_id) references rule_set_version;

alter table turn add constraint FK8961eu1ys2aw6354g80tm7iob foreign key (call_id) references call_record;
