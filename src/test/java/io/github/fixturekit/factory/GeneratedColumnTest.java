package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.model.Account;
import io.github.fixturekit.factory.model.Attachment;
import io.github.fixturekit.factory.model.AuditEntry;
import io.github.fixturekit.factory.model.Category;
import io.github.fixturekit.factory.model.Department;
import io.github.fixturekit.factory.model.Employee;
import io.github.fixturekit.factory.model.Invoice;
import io.github.fixturekit.factory.model.InvoiceLine;
import io.github.fixturekit.factory.model.Locker;
import io.github.fixturekit.factory.model.Region;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** Columns the database fills: left out of the random data, read back after {@code create}. */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
class GeneratedColumnTest {

  @Test
  void databaseGeneratedValuesArePresentAfterCreate(Factory<AuditEntry> entries, Session session) {
    AuditEntry entry = entries.create();

    assertThat(entry.getInsertedAt()).isNotNull();
    assertThat(entry.getPriority()).as("column default").isEqualTo(42);
  }

  @Test
  void generatedValueIsTheRowsValue(Factory<AuditEntry> entries, Session session) {
    AuditEntry entry = entries.create();

    Instant row =
        Rows.one(
            session,
            "select inserted_at from fa_audit_entries where id = ?",
            r -> r.getObject(1, OffsetDateTime.class).toInstant(),
            entry.getId());
    Instant transactionStart =
        Rows.one(session, "select now()", r -> r.getObject(1, OffsetDateTime.class).toInstant());
    assertThat(entry.getInsertedAt()).isEqualTo(row).isEqualTo(transactionStart);
  }

  @Test
  void generatedValuesArePresentForEveryEntityOfAList(Factory<AuditEntry> entries) {
    List<AuditEntry> created = entries.createList(10);

    assertThat(created)
        .hasSize(10)
        .allSatisfy(
            e -> {
              assertThat(e.getInsertedAt()).isNotNull();
              assertThat(e.getPriority()).isEqualTo(42);
              assertThat(e.getCreatedAt()).isNotNull();
            });
  }

  @Test
  void creationTimestampEqualsTheRow(Factory<AuditEntry> entries, Session session) {
    AuditEntry entry = entries.create();

    Instant row =
        Rows.one(
            session,
            "select created_at from fa_audit_entries where id = ?",
            r -> r.getObject(1, OffsetDateTime.class).toInstant(),
            entry.getId());
    assertThat(entry.getCreatedAt()).isNotNull().isEqualTo(row);
  }

  @Test
  void randomDataStillFillsTheOtherColumns(Factory<AuditEntry> entries) {
    AuditEntry entry = entries.create();

    assertThat(entry.getAction()).isNotBlank().hasSizeLessThanOrEqualTo(40);
  }
}
