package io.github.fixturekit.extension.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A note that always belongs to an {@link ExPerson}: a required {@code @ManyToOne}. */
@Entity
@Table(name = "ex_notes")
public class ExNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id", nullable = false)
  private ExPerson person;

  @Column(nullable = false, length = 200)
  private String text;

  public ExNote() {}

  public Long getId() {
    return id;
  }

  public ExPerson getPerson() {
    return person;
  }

  public void setPerson(ExPerson person) {
    this.person = person;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
