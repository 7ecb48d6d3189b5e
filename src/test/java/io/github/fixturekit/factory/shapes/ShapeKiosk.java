package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** The root of a single-table hierarchy whose table has a unique key on a short column. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@Table(name = "fs_kiosks", uniqueConstraints = @UniqueConstraint(columnNames = "code"))
public class ShapeKiosk {
  @Id @GeneratedValue private Long id;

  @Column(length = 3, nullable = false)
  private String code;

  protected ShapeKiosk() {}

  public String getCode() {
    return code;
  }
}
