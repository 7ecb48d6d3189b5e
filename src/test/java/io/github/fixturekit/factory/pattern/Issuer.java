package io.github.fixturekit.factory.pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;

/** Who issued a coupon: an embedded value with patterns and unique columns of its own. */
@Embeddable
public class Issuer {

  @Pattern(regexp = "\\d{5}")
  @Column(name = "issuer_postcode", length = 5)
  private String postcode;

  @Column(name = "issuer_name", length = 30)
  private String name;

  @Column(name = "issuer_reference", unique = true, length = 12)
  private String reference;

  @Pattern(regexp = "[A-Z]{2}\\d{3}")
  @Column(name = "issuer_badge", unique = true, length = 5)
  private String badge;

  public String getReference() {
    return reference;
  }

  public String getBadge() {
    return badge;
  }

  public String getPostcode() {
    return postcode;
  }

  public String getName() {
    return name;
  }
}
