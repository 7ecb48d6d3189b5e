package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An entity keyed by two assigned @Id fields. */
@Entity
@IdClass(ShapeTenantKey.class)
@Table(name = "fs_tenant_numbers")
public class ShapeTenantNumber {
  @Id
  @Column(length = 8)
  private String tenant;

  @Id private Long number;

  private String label;

  protected ShapeTenantNumber() {}

  public String getTenant() {
    return tenant;
  }

  public Long getNumber() {
    return number;
  }
}
