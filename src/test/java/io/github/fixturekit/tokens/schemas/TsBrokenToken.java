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
import java.util.UUID;

/**
 * A token entity whose mapping cannot be completed by convention: the hash and the expiry have
 * other names, and it has no expiry of a usable type at all besides 'deadline'.
 */
@Entity
@Table(name = "ts_broken_tokens")
public class TsBrokenToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private TsUser user;

  @Column(nullable = false, length = 64)
  private String secretDigest;

  @Column(nullable = false)
  private UUID familyId;

  @Column(nullable = false)
  private Instant deadline;

  @Column(nullable = false)
  private boolean revoked;

  protected TsBrokenToken() {}

  public Long getId() {
    return id;
  }
}
