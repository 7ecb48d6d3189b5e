package io.github.fixturekit.factory.shapes;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An entity whose id is an @EmbeddedId. */
@Entity
@Table(name = "fs_pairs")
public class ShapePair {
  @EmbeddedId private ShapePairId id;
  private String label;

  protected ShapePair() {}

  public ShapePairId getId() {
    return id;
  }
}
