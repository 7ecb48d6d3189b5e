package io.github.fixturekit.factory.odd;

import jakarta.persistence.Entity;

@Entity
public class Circle extends Shape {

  private Double radius;

  protected Circle() {}

  public Double getRadius() {
    return radius;
  }
}
