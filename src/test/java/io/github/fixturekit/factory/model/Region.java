package io.github.fixturekit.factory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.NaturalId;

/** A sales region: an id the application assigns (no generator) and a natural id. */
@Entity
@Table(name = "fa_regions")
public class Region {

  @Id private Long id;

  @NaturalId
  @Column(nullable = false, length = 30)
  private String name;

  protected Region() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
