package org.parley.ivr.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer as the CRM last told Parley: the key is the CRM's id, the caller number finds it. */
@Entity
@Table(name = "customer_record", indexes = {@Index(name = "ix_customer_id", columnList = "customerId", unique = true),
        @Index(name = "ix_customer_phone", columnList = "phone")})
public class CustomerRecord {

    @Id
    @GeneratedValue
    private Long id;

    @Version
    private int version;

    @Column(nullable = false, length = 64)
    private String customerId;

    /** E.164. */
    @Column(nullable = false, length = 32)
    private String phone;

    @Column(length = 200)
    private String name;

    @Column(nullable = false, length = 32)
    private String tier;

    @Column(length = 8)
    private String language;

    @Column(nullable = false)
    private Instant updatedAt;

    protected CustomerRecord() {
    }

    CustomerRecord(String customerId) {
        this.customerId = customerId;
    }

    void update(String phone, String name, String tier, String language, Instant at) {
        this.phone = phone;
        this.name = name;
        this.tier = tier;
        this.language = language;
        this.updatedAt = at;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getPhone() {
        return phone;
    }

    public String getName() {
        return name;
    }

    public String getTier() {
        return tier;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
