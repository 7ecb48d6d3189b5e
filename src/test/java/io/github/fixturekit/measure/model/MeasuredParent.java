package io.github.fixturekit.measure.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A parent row for the commit-mode cleanup measurement. */
@Entity
@Table(name = "measured_parent")
public class MeasuredParent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String name;

  protected MeasuredParent() {}

  public Long getId() {
    return id;
  }
}
