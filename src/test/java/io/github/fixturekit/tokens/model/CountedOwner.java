package io.github.fixturekit.tokens.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The owner of {@link CountedToken}: an entity set of its own for counting statements. */
@Entity
@Table(name = "tk_counted_owners")
public class CountedOwner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, length = 40)
  private String name;

  protected CountedOwner() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
