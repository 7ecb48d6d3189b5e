package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

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
import java.util.List;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A test that fails on a constraint violation leaves a clean, working session for the next test.
 * The failing class runs through the EngineTestKit, so its failure is observed rather than
 * reported.
 */
class FailedTestIsolationTest {

  private static volatile boolean launchedHere;

  /** Runs {@link FailsThenRecovers} only when this class launches it, never on its own. */
  static boolean launchedHere() {
    return launchedHere;
  }

  @Test
  void testAfterAFailedFlushStartsCleanAndWorks() {
    EngineExecutionResults results;
    launchedHere = true;
    try {
      results =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(FailsThenRecovers.class))
              .execute();
    } finally {
      launchedHere = false;
    }

    results.testEvents().assertStatistics(s -> s.started(2).failed(1).succeeded(1));
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getTestDescriptor().getDisplayName())
        .startsWith("insertsTheSameEmailTwice");
    Throwable cause =
        failed
            .get(0)
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(cause).isInstanceOf(ConstraintViolationException.class);
    // unique_violation; Hibernate 6.6 reports its kind as OTHER, Hibernate 7 as UNIQUE
    assertThat(((ConstraintViolationException) cause).getSQLState()).isEqualTo("23505");
  }

  @FixtureTest(
      entities = {
        Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
        AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
      })
  @TestMethodOrder(OrderAnnotation.class)
  @EnabledIf("io.github.fixturekit.factory.FailedTestIsolationTest#launchedHere")
  static class FailsThenRecovers {

    @Test
    @Order(1)
    void insertsTheSameEmailTwice(Factory<Account> accounts) {
      accounts.create(a -> a.setEmail("dup@example.org"));
      accounts.create(a -> a.setEmail("dup@example.org"));
    }

    @Test
    @Order(2)
    void startsWithAnEmptyTableAndCreatesRows(
        Factory<Account> accounts, Factory<InvoiceLine> lines, Session session) {
      assertThat(Rows.count(session, "fa_accounts")).isZero();

      accounts.create(a -> a.setEmail("dup@example.org"));
      accounts.createList(10);
      lines.createList(3);

      assertThat(Rows.count(session, "fa_accounts")).isEqualTo(14L);
      assertThat(Rows.count(session, "fa_invoice_lines")).isEqualTo(3L);
    }
  }
}
