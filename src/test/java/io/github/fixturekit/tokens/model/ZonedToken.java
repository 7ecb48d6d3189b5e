package io.github.fixturekit.tokens.model;

import io.github.fixturekit.model.Member;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.ZonedDateTime;
import java.util.UUID;

/** A token with a {@code ZonedDateTime} expiry and its single association named {@code owner}. */
@Entity
@Table(name = "tk_zoned_tokens")
public class ZonedToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_id", nullable = false)
  private Member owner;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "expires_at", nullable = false)
  private ZonedDateTime expiresAt;

  @Column(name = "revoked", nullable = false)
  private boolean revoked;

  protected ZonedToken() {}

  public Long getId() {
    return id;
  }

  public Member getOwner() {
    return owner;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public UUID getFamilyId() {
    return familyId;
  }

  public ZonedDateTime getExpiresAt() {
    return expiresAt;
  }

  public boolean isRevoked() {
    return revoked;
  }
}
