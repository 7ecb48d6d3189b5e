package io.github.fixturekit.factory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A category whose required parent is another category: a cycle of length one. */
@Entity
@Table(name = "fa_categories")
public class Category {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String title;

  @ManyToOne(optional = false)
  @JoinColumn(name = "parent_id")
  private Category parent;

  protected Category() {}

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Category getParent() {
    return parent;
  }

  public void setParent(Category parent) {
    this.parent = parent;
  }
}
