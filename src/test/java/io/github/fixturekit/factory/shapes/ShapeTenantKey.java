package io.github.fixturekit.factory.shapes;

import java.io.Serializable;
import java.util.Objects;

/** The @IdClass of {@link ShapeTenantNumber}. */
public class ShapeTenantKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private String tenant;
  private Long number;

  public ShapeTenantKey() {}

  @Override
  public boolean equals(Object other) {
    return other instanceof ShapeTenantKey that
        && Objects.equals(tenant, that.tenant)
        && Objects.equals(number, that.number);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant, number);
  }
}
