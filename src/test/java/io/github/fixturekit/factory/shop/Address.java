package io.github.fixturekit.factory.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A postal address, embedded in users (twice: home and billing, the latter with shorter columns).
 */
@Embeddable
public class Address {

  @NotBlank
  @Column(nullable = false, length = 60)
  private String street;

  @NotBlank
  @Column(nullable = false, length = 40)
  private String city;

  @Size(min = 4, max = 10)
  @Column(length = 10)
  private String postcode;

  @Column(nullable = false, length = 2)
  private String country;

  protected Address() {}

  public Address(String street, String city, String postcode, String country) {
    this.street = street;
    this.city = city;
    this.postcode = postcode;
    this.country = country;
  }

  public String getStreet() {
    return street;
  }

  public String getCity() {
    return city;
  }

  public String getPostcode() {
    return postcode;
  }

  public String getCountry() {
    return country;
  }
}
