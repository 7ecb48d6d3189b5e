package io.github.fixturekit.factory.odd;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A painting whose required colour is of a type no random generator knows. */
@Entity
@Table(name = "odd_paintings")
public class Painting {

  @Id @GeneratedValue private Long id;

  @Column(nullable = false, length = 40)
  private String title;

  @Convert(converter = ColourConverter.class)
  @Column(nullable = false, length = 7)
  private Colour colour;

  @Convert(converter = ColourConverter.class)
  @Column(length = 7)
  private Colour frame;

  protected Painting() {}

  public Long getId() {
    return id;
  }

  public Colour getColour() {
    return colour;
  }

  public void setColour(Colour colour) {
    this.colour = colour;
  }

  public Colour getFrame() {
    return frame;
  }
}
