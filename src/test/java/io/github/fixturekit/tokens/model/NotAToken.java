package io.github.fixturekit.tokens.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A plain entity with none of the token roles. */
@Entity
@Table(name = "tk_not_tokens")
public class NotAToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, length = 40)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected NotAToken() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
