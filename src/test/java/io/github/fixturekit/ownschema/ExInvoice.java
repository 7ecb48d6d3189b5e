package io.github.fixturekit.ownschema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity mapped into a schema of its owner's, where rows fixturekit did not create live. */
@Entity
@Table(schema = "fk_billing", name = "invoice")
public class ExInvoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String label;

  protected ExInvoice() {}
}
