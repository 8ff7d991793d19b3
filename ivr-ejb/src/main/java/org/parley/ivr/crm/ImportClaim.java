package org.parley.ivr.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A CRM drop file being imported by one node ({@link ImportClaims}): while the row is there and younger than the
 * lease, no other node reads the file.
 */
@Entity
@Table(name = "crm_import_claim")
public class ImportClaim {

    @Id
    @Column(length = 1000)
    private String fileKey;

    @Column(nullable = false, length = 64)
    private String claimedBy;

    @Column(nullable = false)
    private Instant claimedAt;

    protected ImportClaim() {
    }

    ImportClaim(String fileKey, String claimedBy, Instant claimedAt) {
        this.fileKey = fileKey;
        this.claimedBy = claimedBy;
        this.claimedAt = claimedAt;
    }

    String getClaimedBy() {
        return claimedBy;
    }

    Instant getClaimedAt() {
        return claimedAt;
    }

    void takeOver(String node, Instant at) {
        this.claimedBy = node;
        this.claimedAt = at;
    }
}
