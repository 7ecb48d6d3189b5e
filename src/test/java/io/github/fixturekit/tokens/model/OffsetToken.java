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
import java.time.OffsetDateTime;

/**
 * A token with an {@code OffsetDateTime} expiry, a {@code String} family id, a field named {@code
 * revoked}, and two associations of which the one named {@code owner} is the owner.
 */
@Entity
@Table(name = "tk_offset_tokens")
public class OffsetToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_id", nullable = false)
  private Member owner;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "issuer_id")
  private Member issuer;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "family_id", nullable = false, length = 36)
  private String familyId;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked", nullable = false)
  private boolean revoked;

  @Column(name = "label", length = 20)
  private String label;

  protected OffsetToken() {}

  public Long getId() {
    return id;
  }

  public Member getOwner() {
    return owner;
  }

  public Member getIssuer() {
    return issuer;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getFamilyId() {
    return familyId;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public boolean isRevoked() {
    return revoked;
  }

  public String getLabel() {
    return label;
  }
}
