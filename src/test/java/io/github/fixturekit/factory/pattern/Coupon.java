package io.github.fixturekit.factory.pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A coupon whose columns follow formats given by Bean Validation's {@code @Pattern}. */
@Entity
@Table(name = "fp_coupons")
public class Coupon {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotNull
  @Pattern(regexp = "[A-Z]{3}-\\d{4}")
  @Column(nullable = false, unique = true, length = 8)
  private String code;

  @Pattern(regexp = "^\\+?[0-9]{7,12}$")
  private String phone;

  @NotNull
  @Size(min = 3, max = 20)
  @Pattern(regexp = "[a-z0-9]+(?:-[a-z0-9]+)*")
  @Column(nullable = false, length = 20)
  private String slug;

  @NotNull
  @Pattern(regexp = "(gift|promo|staff)")
  @Column(nullable = false, length = 5)
  private String kind;

  @Pattern(regexp = "[0-9a-f]{6}", flags = Pattern.Flag.CASE_INSENSITIVE)
  @Column(length = 6)
  private String colour;

  @Pattern(regexp = "[\\w.+-]{1,10}@example\\.(org|com)")
  private String contact;

  @Embedded private Issuer issuer;

  protected Coupon() {}

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getPhone() {
    return phone;
  }

  public String getSlug() {
    return slug;
  }

  public String getKind() {
    return kind;
  }

  public String getColour() {
    return colour;
  }

  public String getContact() {
    return contact;
  }

  public Issuer getIssuer() {
    return issuer;
  }
}
