-- A rule-set version's compiled form, per compiler (Drools version and fact model), so nodes and restarts load
-- it instead of compiling (CompiledRuleSet). A cache: rows can be deleted at any time.
create table rule_set_compiled (
    id varchar(160) not null,
    versionNumber integer not null,
    compiler varchar(140) not null,
    module blob not null,
    compiledAt timestamp(6) with time zone not null,
    primary key (id)
);
