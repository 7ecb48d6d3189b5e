package io.github.fixturekit.factory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row per status at most, and one main slot: unique columns with few possible values. */
@Entity
@Table(name = "fa_slots")
public class Slot {

  @Id @GeneratedValue private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, unique = true, length = 16)
  private Status status;

  @Column(name = "main", nullable = false, unique = true)
  private boolean main;

  protected Slot() {}

  public Status getStatus() {
    return status;
  }

  public boolean isMain() {
    return main;
  }
}
