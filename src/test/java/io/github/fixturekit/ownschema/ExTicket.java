package io.github.fixturekit.ownschema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Ids from a TABLE generator: Hibernate keeps its counter in a table of its own. */
@Entity
public class ExTicket {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE)
  private Long id;

  private String subject;

  protected ExTicket() {}

  public Long getId() {
    return id;
  }
}
