package io.github.fixturekit.measure.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A child row with a required parent, for the commit-mode cleanup measurement. */
@Entity
@Table(name = "measured_child")
public class MeasuredChild {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id", nullable = false)
  private MeasuredParent parent;

  @Column(nullable = false, length = 40)
  private String label;

  protected MeasuredChild() {}

  public Long getId() {
    return id;
  }
}
