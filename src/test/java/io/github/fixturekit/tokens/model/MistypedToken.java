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

/** A token shaped entity whose role fields have the right names but unusable types. */
@Entity
@Table(name = "tk_mistyped_tokens")
public class MistypedToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false)
  private Member user;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "family_id", nullable = false)
  private Long familyId;

  @Column(name = "expires_at", nullable = false)
  private String expiresAt;

  @Column(name = "revoked", nullable = false)
  private int revoked;

  protected MistypedToken() {}

  public Long getId() {
    return id;
  }
}
