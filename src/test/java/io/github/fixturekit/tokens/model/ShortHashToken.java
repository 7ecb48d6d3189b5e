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
import java.time.Instant;
import java.util.UUID;

/** A token shaped entity whose hash column cannot hold a 64-character SHA-256 hex hash. */
@Entity
@Table(name = "tk_short_hash_tokens")
public class ShortHashToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false)
  private Member user;

  @Column(name = "token_hash", nullable = false, unique = true, length = 32)
  private String tokenHash;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "is_revoked", nullable = false)
  private boolean isRevoked;

  protected ShortHashToken() {}

  public Long getId() {
    return id;
  }
}
