package io.github.fixturekit.factory.odd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** An abstract entity: only its subclasses can be made. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@Table(name = "odd_shapes")
public abstract class Shape {

  @Id @GeneratedValue private Long id;

  @Column(nullable = false, length = 20)
  private String label;

  public Long getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }
}
