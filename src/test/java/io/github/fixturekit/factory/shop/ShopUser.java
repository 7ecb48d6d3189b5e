package io.github.fixturekit.factory.shop;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.Set;

/** A shop's user: a unique email, two embedded addresses, an element collection, a large text. */
@Entity
@Table(name = "shop_users")
public class ShopUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Email
  @NotBlank
  @Column(nullable = false, unique = true, length = 80)
  private String email;

  @NotBlank
  @Size(max = 30)
  @Column(name = "first_name", nullable = false, length = 30)
  private String firstName;

  @NotBlank
  @Size(max = 30)
  @Column(name = "last_name", nullable = false, length = 30)
  private String lastName;

  @Column(name = "display_name", nullable = false, length = 61)
  private String displayName;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Role role;

  @Column(nullable = false)
  private boolean verified;

  @Min(18)
  @Max(120)
  @Column(nullable = false)
  private Integer age;

  @Valid @NotNull @Embedded private Address home;

  @Valid
  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 12)),
    @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 8)),
    @AttributeOverride(name = "postcode", column = @Column(name = "billing_postcode", length = 10)),
    @AttributeOverride(name = "country", column = @Column(name = "billing_country", length = 2))
  })
  private Address billing;

  @ElementCollection
  @CollectionTable(name = "shop_user_tags", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "tag", length = 12, nullable = false)
  private Set<String> tags = new HashSet<>();

  @Lob private String bio;

  @Transient private String password;

  protected ShopUser() {}

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public boolean isVerified() {
    return verified;
  }

  public void setVerified(boolean verified) {
    this.verified = verified;
  }

  public Integer getAge() {
    return age;
  }

  public void setAge(Integer age) {
    this.age = age;
  }

  public Address getHome() {
    return home;
  }

  public void setHome(Address home) {
    this.home = home;
  }

  public Address getBilling() {
    return billing;
  }

  public Set<String> getTags() {
    return tags;
  }

  public String getBio() {
    return bio;
  }

  public String getPassword() {
    return password;
  }
}
