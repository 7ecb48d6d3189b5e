package io.github.fixturekit.tokens.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A token shaped like the reference fixture's, on a table only the statement count uses, with one
 * column that only the database fills.
 */
@Entity
@Table(name = "tk_counted_tokens")
public class CountedToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false)
  private CountedOwner user;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "is_revoked", nullable = false)
  private boolean isRevoked;

  /** Set by the database only; the entity holds it after the refresh that follows the insert. */
  @Column(
      name = "issued_at",
      insertable = false,
      updatable = false,
      columnDefinition = "timestamp(6) with time zone default now() not null")
  private Instant issuedAt;

  protected CountedToken() {}

  public Long getId() {
    return id;
  }

  public CountedOwner getUser() {
    return user;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public boolean isRevoked() {
    return isRevoked;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }
}
