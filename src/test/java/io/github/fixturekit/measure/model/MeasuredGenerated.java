package io.github.fixturekit.measure.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A 6-column entity for the batching measurement: ids by generated. */
@Entity
@Table(name = "measured_generated")
public class MeasuredGenerated {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(nullable = false, length = 40)
  private String name;

  @Column(nullable = false, unique = true, length = 60)
  private String email;

  @Column(nullable = false, precision = 10, scale = 2)
  private BigDecimal amount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean active;

  @org.hibernate.annotations.Generated
  @Column(
      name = "stamped_at",
      insertable = false,
      updatable = false,
      columnDefinition = "timestamp(6) with time zone default now()")
  private Instant stampedAt;

  protected MeasuredGenerated() {}

  public Long getId() {
    return id;
  }
}
