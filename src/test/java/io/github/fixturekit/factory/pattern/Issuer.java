package io.github.fixturekit.factory.pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;

/** Who issued a coupon: an embedded value with a pattern of its own. */
@Embeddable
public class Issuer {

  @Pattern(regexp = "\\d{5}")
  @Column(name = "issuer_postcode", length = 5)
  private String postcode;

  @Column(name = "issuer_name", length = 30)
  private String name;

  public String getPostcode() {
    return postcode;
  }

  public String getName() {
    return name;
  }
}
