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
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A token with a {@code LocalDateTime} expiry (a UTC wall time in a {@code timestamp} column) and a
 * {@code Boolean isRevoked} wrapper.
 */
@Entity
@Table(name = "tk_local_tokens")
public class LocalToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false)
  private Member user;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  @Column(name = "is_revoked", nullable = false)
  private Boolean isRevoked;

  protected LocalToken() {}

  public Long getId() {
    return id;
  }

  public Member getUser() {
    return user;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public UUID getFamilyId() {
    return familyId;
  }

  public LocalDateTime getExpiresAt() {
    return expiresAt;
  }

  public Boolean getIsRevoked() {
    return isRevoked;
  }
}
