package io.github.fixturekit.tokens.schemas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.ZonedDateTime;

/**
 * A convention schema with a ZonedDateTime expiry, a boxed Boolean flag, a String family and a
 * short hash column (43 characters: base64url hashes fit, hex ones do not).
 */
@Entity
@Table(name = "ts_web_tokens")
@io.github.fixturekit.tokens.TokenMapping(
    hashing = io.github.fixturekit.tokens.TokenMapping.Hashing.SHA256_BASE64URL)
public class TsWebToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "owner_id", nullable = false)
  private TsUser owner;

  @Column(name = "token_hash", nullable = false, unique = true, length = 43)
  private String tokenHash;

  @Column(name = "family_id", nullable = false, length = 36)
  private String familyId;

  @Column(name = "expires_at", nullable = false)
  private ZonedDateTime expiresAt;

  @Column(name = "revoked", nullable = false)
  private Boolean revoked;

  protected TsWebToken() {}

  public Long getId() {
    return id;
  }

  public TsUser getOwner() {
    return owner;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getFamilyId() {
    return familyId;
  }

  public ZonedDateTime getExpiresAt() {
    return expiresAt;
  }

  public Boolean getRevoked() {
    return revoked;
  }
}
