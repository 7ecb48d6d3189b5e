package io.github.fixturekit.tokens.schemas;

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
import java.time.ZonedDateTime;

/** Names that follow no convention: mapped with @TokenMapping. LocalDateTime expiry read as UTC. */
@Entity
@Table(name = "ts_legacy_tokens")
public class TsLegacyToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private TsUser account;

  @Column(name = "digest", nullable = false, unique = true, length = 64)
  private String digest;

  @Column(name = "chain", nullable = false, length = 36)
  private String chain;

  @Column(name = "valid_until", nullable = false)
  private LocalDateTime validUntil;

  @Column(name = "disabled", nullable = false)
  private boolean disabled;

  @Column(name = "issued_on")
  private ZonedDateTime issuedOn;

  protected TsLegacyToken() {}

  public Long getId() {
    return id;
  }

  public TsUser getAccount() {
    return account;
  }

  public String getDigest() {
    return digest;
  }

  public String getChain() {
    return chain;
  }

  public LocalDateTime getValidUntil() {
    return validUntil;
  }

  public boolean isDisabled() {
    return disabled;
  }

  public ZonedDateTime getIssuedOn() {
    return issuedOn;
  }
}
