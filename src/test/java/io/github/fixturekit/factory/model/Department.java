package io.github.fixturekit.factory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A department that requires a head, who in turn requires a department: a cycle. */
@Entity
@Table(name = "fa_departments")
public class Department {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "head_id")
  private Employee head;

  protected Department() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Employee getHead() {
    return head;
  }

  public void setHead(Employee head) {
    this.head = head;
  }
}
