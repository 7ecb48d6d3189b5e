package io.github.fixturekit.tokens.schemas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A token entity with fewer fields than roles: one String could be the hash or the family, one
 * Instant the expiry or the revocation time, and each role needs a field of its own.
 */
@Entity
@Table(name = "ts_scarce_tokens")
public class TsScarceToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private TsUser user;

  @Column(nullable = false, length = 64)
  private String digest;

  @Column(nullable = false)
  private Instant validUntil;

  protected TsScarceToken() {}

  public Long getId() {
    return id;
  }
}
