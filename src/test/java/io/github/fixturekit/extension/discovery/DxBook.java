package io.github.fixturekit.extension.discovery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A book on a required {@link DxShelf}, the other entity fixturekit should discover here. */
@Entity
@Table(name = "dx_books")
public class DxBook {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "shelf_id", nullable = false)
  private DxShelf shelf;

  @Column(nullable = false, length = 80)
  private String title;

  public DxBook() {}

  public Long getId() {
    return id;
  }

  public DxShelf getShelf() {
    return shelf;
  }

  public void setShelf(DxShelf shelf) {
    this.shelf = shelf;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }
}
