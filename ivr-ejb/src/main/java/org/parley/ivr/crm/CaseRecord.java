package org.parley.ivr.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A CRM case (ticket) of a customer; open cases reach the rules as {@code CustomerProfile.openCases}. */
@Entity
@Table(name = "case_record", indexes = {@Index(name = "ix_case_id", columnList = "caseId", unique = true),
        @Index(name = "ix_case_customer", columnList = "customerId")})
public class CaseRecord {

    @Id
    @GeneratedValue
    private Long id;

    @Version
    private int version;

    @Column(nullable = false, length = 64)
    private String caseId;

    @Column(nullable = false, length = 64)
    private String customerId;

    @Column(length = 300)
    private String subject;

    @Column(nullable = false)
    private boolean open;

    @Column(nullable = false)
    private Instant updatedAt;

    protected CaseRecord() {
    }

    CaseRecord(String caseId) {
        this.caseId = caseId;
    }

    void update(String customerId, String subject, boolean open, Instant at) {
        this.customerId = customerId;
        this.subject = subject;
        this.open = open;
        this.updatedAt = at;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getSubject() {
        return subject;
    }

    public boolean isOpen() {
        return open;
    }
}
