package io.github.fixturekit.factory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Generated;

/** An audit record whose insertion time and priority come from column defaults in the database. */
@Entity
@Table(name = "fa_audit_entries")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String action;

  @Generated
  @Column(
      name = "inserted_at",
      insertable = false,
      updatable = false,
      columnDefinition = "timestamp(6) with time zone default now()")
  private Instant insertedAt;

  @Generated
  @ColumnDefault("42")
  @Column(name = "priority")
  private Integer priority;

  @CreationTimestamp
  @Column(name = "created_at")
  private Instant createdAt;

  protected AuditEntry() {}

  public Long getId() {
    return id;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public Instant getInsertedAt() {
    return insertedAt;
  }

  public Integer getPriority() {
    return priority;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
