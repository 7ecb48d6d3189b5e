package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Rows one test creates are gone in the next, even after a failed insert. */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
@TestMethodOrder(OrderAnnotation.class)
class RollbackBetweenTestsTest {

  private static final List<String> TABLES =
      List.of(
          "fa_accounts",
          "fa_regions",
          "fa_invoices",
          "fa_invoice_lines",
          "fa_attachments",
          "fa_audit_entries",
          "fa_lockers");

  @Test
  @Order(1)
  void createsRowsInEveryTable(
      Factory<InvoiceLine> lines,
      Factory<Attachment> attachments,
      Factory<Region> regions,
      Factory<AuditEntry> entries,
      Factory<Locker> lockers,
      Session session) {
    lines.createList(5);
    attachments.create(a -> a.setFileName("kept-until-rollback.pdf"));
    regions.create();
    entries.create();
    lockers.create();

    for (String table : TABLES) {
      assertThat(Rows.count(session, table)).as(table).isPositive();
    }
  }

  @Test
  @Order(2)
  void nextTestSeesEmptyTables(Session session) {
    for (String table : TABLES) {
      assertThat(Rows.count(session, table)).as(table).isZero();
    }
  }

  @Test
  @Order(3)
  void duplicateUniqueValueFailsTheFlush(Factory<Account> accounts) {
    accounts.create(a -> a.setEmail("twice@example.org"));

    assertThatThrownBy(() -> accounts.create(a -> a.setEmail("twice@example.org")))
        .isInstanceOf(PersistenceException.class);
  }

  @Test
  @Order(4)
  void nextTestAfterAFailedFlushWorks(
      Factory<Account> accounts, Factory<Invoice> invoices, Session session) {
    for (String table : TABLES) {
      assertThat(Rows.count(session, table)).as(table).isZero();
    }

    Account again = accounts.create(a -> a.setEmail("twice@example.org"));
    invoices.createList(3);

    assertThat(again.getId()).isNotNull();
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(4L);
  }
}
