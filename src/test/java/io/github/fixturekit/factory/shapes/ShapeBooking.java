package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Embeds a record. */
@Entity
@Table(name = "fs_bookings")
public class ShapeBooking {
  @Id @GeneratedValue private Long id;
  @Embedded private ShapePeriod period;

  protected ShapeBooking() {}

  public ShapePeriod getPeriod() {
    return period;
  }
}
