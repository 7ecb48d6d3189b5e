package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** What a factory does with the customizer it is given. */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
class CustomizerTest {

  @Test
  void throwingCustomizerPropagatesFromCreate(Factory<Account> accounts, Session session) {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                accounts.create(
                    a -> {
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void throwingCustomizerPropagatesFromBuild(Factory<Account> accounts) {
    UnsupportedOperationException boom = new UnsupportedOperationException("boom");

    assertThatThrownBy(
            () ->
                accounts.build(
                    a -> {
                      throw boom;
                    }))
        .isSameAs(boom);
  }

  @Test
  void throwingCustomizerLeavesNoParentRowBehind(Factory<Invoice> invoices, Session session) {
    assertThatThrownBy(
            () ->
                invoices.create(
                    i -> {
                      throw new IllegalArgumentException("no invoice today");
                    }))
        .hasMessage("no invoice today");
    assertThat(Rows.count(session, "fa_invoices")).isZero();
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void sessionStillWorksAfterAThrowingCustomizer(Factory<Account> accounts, Session session) {
    assertThatThrownBy(
        () ->
            accounts.create(
                a -> {
                  throw new IllegalStateException("boom");
                }));

    accounts.create();

    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
  }

  @Test
  void nullCustomizerIsRefused(Factory<Account> accounts, Session session) {
    assertThatThrownBy(() -> accounts.create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("customizer");
    assertThatThrownBy(() -> accounts.build(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("customizer");
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void nullCustomizerNamesTheCallThatNeedsNone(Factory<Account> accounts, Session session) {
    assertThatNullPointerException()
        .isThrownBy(() -> accounts.create(null))
        .withMessage("customizer must not be null: use create() for no changes");
    assertThatNullPointerException()
        .isThrownBy(() -> accounts.build(null))
        .withMessage("customizer must not be null: use build() for no changes");
    assertThatNullPointerException()
        .isThrownBy(() -> accounts.createList(2, null))
        .withMessage("customizer must not be null: use createList(count) for no changes");
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void createListAfterTheTestClosedItsSessionSaysSo(Factory<Account> accounts, Session session) {
    session.close();

    assertThatIllegalStateException()
        .isThrownBy(() -> accounts.createList(2))
        .withMessageContaining("the Session fixturekit injected into this test is closed");
  }

  @Test
  void customizerRunsOncePerEntity(Factory<Account> accounts) {
    AtomicInteger calls = new AtomicInteger();
    Consumer<Account> counting = a -> calls.incrementAndGet();

    accounts.create(counting);
    accounts.build(counting);

    assertThat(calls).hasValue(2);
  }

  @Test
  void customizerSeesAFilledEntity(Factory<Account> accounts) {
    accounts.create(
        a -> {
          assertThat(a.getEmail()).as("unique value already in place").isNotBlank();
          assertThat(a.getCode()).isNotBlank();
          assertThat(a.getId()).isNull();
        });
  }

  @Test
  void customizerMayOverrideAUniqueValue(Factory<Account> accounts, Session session) {
    Account account = accounts.create(a -> a.setEmail("chosen@example.org"));

    assertThat(account.getEmail()).isEqualTo("chosen@example.org");
    assertThat(Rows.count(session, "fa_accounts where email = 'chosen@example.org'")).isEqualTo(1L);
  }
}
