package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** A composite key of two numbers. */
@Embeddable
public class ShapePairId implements Serializable {
  private static final long serialVersionUID = 1L;

  private long leftPart;
  private long rightPart;

  protected ShapePairId() {}

  @Override
  public boolean equals(Object other) {
    return other instanceof ShapePairId that
        && leftPart == that.leftPart
        && rightPart == that.rightPart;
  }

  @Override
  public int hashCode() {
    return Objects.hash(leftPart, rightPart);
  }
}
