package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Entity;

/** A subclass row in the root's table, bound by the root's unique key. */
@Entity
public class ShapeKioskAnnex extends ShapeKiosk {
  private int floor;

  protected ShapeKioskAnnex() {}
}
