-- A CRM drop file being imported by one node, when several nodes watch one shared directory (ImportClaims).
create table crm_import_claim (
    fileKey varchar(1000) not null,
    claimedBy varchar(64) not null,
    claimedAt timestamp(6) with time zone not null,
    primary key (fileKey)
);
