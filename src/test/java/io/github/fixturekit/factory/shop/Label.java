package io.github.fixturekit.factory.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A label products carry, many to many. */
@Entity
@Table(name = "shop_labels")
public class Label {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(nullable = false, unique = true, length = 20)
  private String name;

  protected Label() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
