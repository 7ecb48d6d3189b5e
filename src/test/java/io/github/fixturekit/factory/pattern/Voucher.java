package io.github.fixturekit.factory.pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Pattern;

/** A pattern with a look-ahead, which fixturekit cannot generate from. */
@Entity
@Table(name = "fp_vouchers")
public class Voucher {

  @Id @GeneratedValue private Long id;

  @Pattern(regexp = "(?=.*\\d)\\w{8}")
  private String secret;

  protected Voucher() {}

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }
}
