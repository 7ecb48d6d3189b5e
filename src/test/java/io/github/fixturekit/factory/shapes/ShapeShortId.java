package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An assigned id of type short. */
@Entity
@Table(name = "fs_short_ids")
public class ShapeShortId {
  @Id private short id;
  private String label;

  protected ShapeShortId() {}

  public short getId() {
    return id;
  }
}
