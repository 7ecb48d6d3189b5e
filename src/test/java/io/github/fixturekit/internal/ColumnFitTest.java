package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strings cut to the column they land in, asked of {@link ColumnFit} on entities in memory. */
class ColumnFitTest {

  @Embeddable
  static class Street {
    @Column(length = 20)
    String name;
  }

  @Embeddable
  static class Address {
    @Column(length = 30)
    String city;

    @Column(length = 30)
    String country;

    @Embedded Street street;
  }

  @Embeddable
  static class Tag {
    @Column(length = 30)
    String label;
  }

  @Entity
  static class Customer {
    @Id String id;

    @Column(length = 5)
    String code;

    String note;

    @Transient String scratch;

    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "home_city", length = 3))
    Address home;

    @Embedded
    @AttributeOverrides({
      @AttributeOverride(name = "country", column = @Column(name = "work_country", length = 2)),
      @AttributeOverride(name = "street.name", column = @Column(name = "work_street", length = 4))
    })
    Address work;

    @ElementCollection
    @Column(length = 4)
    List<String> nicknames;

    @ElementCollection
    @AttributeOverride(name = "label", column = @Column(name = "tag_label", length = 2))
    List<Tag> tags;
  }

  static Address address(String city, String country, String street) {
    Address address = new Address();
    address.city = city;
    address.country = country;
    address.street = new Street();
    address.street.name = street;
    return address;
  }

  static Customer customer() {
    Customer customer = new Customer();
    customer.id = "an-id-longer-than-anything";
    customer.code = "ABCDEFGH";
    customer.note = "short";
    customer.scratch = "x".repeat(300);
    customer.home = address("Amsterdam", "Netherlands", "Keizersgracht");
    customer.work = address("Rotterdam", "NL-Holland", "Coolsingel");
    customer.nicknames = new ArrayList<>(List.of("Robert", "Bob", "Bobby"));
    Tag tag = new Tag();
    tag.label = "vip";
    customer.tags = new ArrayList<>(List.of(tag));
    return customer;
  }

  @Test
  void aStringLongerThanItsColumnIsCutAndAShorterOneKept() {
    Customer customer = customer();

    ColumnFit.fit(customer);

    assertThat(customer.code).isEqualTo("ABCDE");
    assertThat(customer.note).isEqualTo("short");
  }

  @Test
  void fieldsFixturekitLeavesAloneAreNotCut() {
    Customer customer = customer();

    ColumnFit.fit(customer);

    assertThat(customer.id).isEqualTo("an-id-longer-than-anything");
    assertThat(customer.scratch).hasSize(300);
  }

  @Test
  void anEmbeddedValueTakesTheLengthsOfItsOverrides() {
    Customer customer = customer();

    ColumnFit.fit(customer);

    assertThat(customer.home.city).as("overridden: 3").isEqualTo("Ams");
    assertThat(customer.home.country).as("its own column: 30").isEqualTo("Netherlands");
    assertThat(customer.home.street.name)
        .as("nested, its own column: 20")
        .isEqualTo("Keizersgracht");
    assertThat(customer.work.city).isEqualTo("Rotterdam");
    assertThat(customer.work.country).as("one of several overrides: 2").isEqualTo("NL");
    assertThat(customer.work.street.name).as("an override of a nested value: 4").isEqualTo("Cool");
  }

  @Test
  void theElementsOfACollectionAreCutInPlace() {
    Customer customer = customer();
    List<String> nicknames = customer.nicknames;

    ColumnFit.fit(customer);

    assertThat(customer.nicknames).isSameAs(nicknames).containsExactly("Robe", "Bob", "Bobb");
    assertThat(customer.tags).singleElement().satisfies(t -> assertThat(t.label).isEqualTo("vi"));
  }

  @Test
  void nullValuesAreLeftNull() {
    Customer customer = new Customer();

    ColumnFit.fit(customer);

    assertThat(customer.code).isNull();
    assertThat(customer.home).isNull();
    assertThat(customer.nicknames).isNull();
  }
}
