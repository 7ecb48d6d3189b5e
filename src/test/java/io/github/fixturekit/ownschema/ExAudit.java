package io.github.fixturekit.ownschema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** An entity of fixturekit's schema whose id sequence is mapped into another schema. */
@Entity
public class ExAudit {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_ids")
  @SequenceGenerator(name = "audit_ids", schema = "fk_billing", sequenceName = "audit_ids")
  private Long id;

  private String note;

  protected ExAudit() {}
}
