package io.github.fixturekit.tokens.schemas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The owner of the token schemas below. */
@Entity
@Table(name = "ts_users")
public class TsUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 120)
  private String email;

  protected TsUser() {}

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }
}
