package io.github.fixturekit.factory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A locker whose number is unique through a table-level constraint, not {@code @Column(unique)}.
 */
@Entity
@Table(
    name = "fa_lockers",
    uniqueConstraints =
        @UniqueConstraint(name = "fa_lockers_number_key", columnNames = "locker_number"))
public class Locker {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "locker_number", nullable = false)
  private Integer number;

  @Column(length = 30)
  private String label;

  protected Locker() {}

  public Long getId() {
    return id;
  }

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public String getLabel() {
    return label;
  }
}
