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
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Parents: made through their own factory when required, reused when given, refused when unsaved.
 */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
class RequiredParentTest {

  @Test
  void requiredParentIsCreatedWhenNotSet(Factory<Invoice> invoices, Session session) {
    Invoice invoice = invoices.create();

    assertThat(invoice.getAccount()).isNotNull();
    assertThat(invoice.getAccount().getId()).isNotNull();
    assertThat(session.contains(invoice.getAccount())).isTrue();
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
    assertThat(
            Rows.number(
                session, "select account_id from fa_invoices where id = ?", invoice.getId()))
        .isEqualTo(invoice.getAccount().getId());
  }

  @Test
  void requiredParentIsMadeLikeAnyAccount(Factory<Invoice> invoices) {
    Account account = invoices.create().getAccount();

    assertThat(account.getEmail()).isNotBlank();
    assertThat(account.getVersion()).isZero();
    Rows.assertStringsFitColumns(account);
  }

  @Test
  void oneParentRowPerChildInCreateList(Factory<Invoice> invoices, Session session) {
    List<Invoice> created = invoices.createList(25);

    assertThat(Rows.count(session, "fa_invoices")).isEqualTo(25L);
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(25L);
    assertThat(created.stream().map(i -> i.getAccount().getId()).distinct()).hasSize(25);
  }

  @Test
  void requiredParentsAreCreatedAlongTheWholeChain(Factory<InvoiceLine> lines, Session session) {
    InvoiceLine line = lines.create();

    assertThat(line.getInvoice().getId()).isNotNull();
    assertThat(line.getInvoice().getAccount().getId()).isNotNull();
    assertThat(Rows.count(session, "fa_invoice_lines")).isEqualTo(1L);
    assertThat(Rows.count(session, "fa_invoices")).isEqualTo(1L);
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
  }

  @Test
  void parentRequiredByJoinColumnIsCreated(Factory<Attachment> attachments, Session session) {
    Attachment attachment = attachments.create();

    assertThat(attachment.getInvoice()).isNotNull();
    assertThat(attachment.getInvoice().getId()).isNotNull();
    assertThat(Rows.count(session, "fa_invoices")).isEqualTo(1L);
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
  }

  @Test
  void parentSetByTheCustomizerIsReused(
      Factory<Invoice> invoices, Factory<Account> accounts, Session session) {
    Account owner = accounts.create();

    Invoice first = invoices.create(i -> i.setAccount(owner));
    Invoice second = invoices.create(i -> i.setAccount(owner));

    assertThat(first.getAccount()).isSameAs(owner);
    assertThat(second.getAccount()).isSameAs(owner);
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
    assertThat(Rows.count(session, "fa_invoices where account_id = " + owner.getId()))
        .isEqualTo(2L);
  }

  @Test
  void optionalParentStaysNull(Factory<Invoice> invoices, Session session) {
    Invoice invoice = invoices.create();

    assertThat(invoice.getReviewer()).isNull();
    assertThat(Rows.count(session, "fa_invoices where reviewer_id is null")).isEqualTo(1L);
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
  }

  @Test
  void optionalParentSetByTheCustomizerIsKept(
      Factory<Invoice> invoices, Factory<Account> accounts, Session session) {
    Account reviewer = accounts.create();

    Invoice invoice = invoices.create(i -> i.setReviewer(reviewer));

    assertThat(invoice.getReviewer()).isSameAs(reviewer);
    assertThat(Rows.count(session, "fa_invoices where reviewer_id = " + reviewer.getId()))
        .isEqualTo(1L);
    assertThat(Rows.count(session, "fa_accounts"))
        .as("reviewer + the required account")
        .isEqualTo(2L);
  }

  @Test
  void oneToManyCollectionStaysEmpty(Factory<Invoice> invoices, Session session) {
    Invoice invoice = invoices.create();

    assertThat(invoice.getLines()).isNotNull().isEmpty();
    assertThat(Rows.count(session, "fa_invoice_lines")).isZero();
  }

  @Test
  void unsavedRequiredParentIsRefused(
      Factory<Invoice> invoices, Factory<Account> accounts, Session session) {
    Account unsaved = accounts.build();

    assertThatThrownBy(() -> invoices.create(i -> i.setAccount(unsaved)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Account.class.getName())
        .hasMessageContaining("not been persisted");
    assertThat(Rows.count(session, "fa_accounts")).isZero();
    assertThat(Rows.count(session, "fa_invoices")).isZero();
  }

  @Test
  void unsavedOptionalParentIsRefused(
      Factory<Invoice> invoices, Factory<Account> accounts, Session session) {
    Account unsaved = accounts.build();

    assertThatThrownBy(() -> invoices.create(i -> i.setReviewer(unsaved)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not been persisted");
    assertThat(Rows.count(session, "fa_invoices")).isZero();
  }

  @Test
  void unsavedParentWithAnAssignedIdIsRefused(
      Factory<Account> accounts, Factory<Region> regions, Session session) {
    Region unsaved = regions.build();
    assertThat(unsaved.getId()).as("fixturekit assigns the id at build time").isNotNull();

    assertThatThrownBy(() -> accounts.create(a -> a.setRegion(unsaved)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Region.class.getName())
        .hasMessageContaining("not been persisted");
  }

  @Test
  void detachedParentIsReusedWithoutASecondInsert(
      Factory<Invoice> invoices, Factory<Account> accounts, Session session) {
    Account owner = accounts.create();
    session.clear();
    assertThat(session.contains(owner)).isFalse();

    Invoice invoice = invoices.create(i -> i.setAccount(owner));

    assertThat(invoice.getAccount().getId()).isEqualTo(owner.getId());
    assertThat(session.contains(invoice.getAccount()))
        .as("the invoice points at the session's own row of its account")
        .isTrue();
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
    assertThat(
            Rows.number(
                session, "select account_id from fa_invoices where id = ?", invoice.getId()))
        .isEqualTo(owner.getId());
  }

  @Test
  void aDetachedProxyNeverLoadedIsUsedAsTheParentWithoutLoadingIt(
      Factory<Invoice> invoices, Factory<Account> accounts, Session session) {
    Long id = accounts.create().getId();
    session.flush();
    session.clear();
    Account proxy = session.getReference(Account.class, id);
    session.detach(proxy);

    Invoice invoice = invoices.create(i -> i.setAccount(proxy));

    assertThat(invoice.getAccount().getId()).isEqualTo(id);
    assertThat(session.contains(invoice.getAccount())).isTrue();
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
  }

  @Test
  void detachedParentWithAnAssignedIdIsReused(
      Factory<Account> accounts, Factory<Region> regions, Session session) {
    Region region = regions.create();
    session.clear();

    Account account = accounts.create(a -> a.setRegion(region));

    assertThat(account.getRegion().getId()).isEqualTo(region.getId());
    assertThat(session.contains(account.getRegion()))
        .as("the account points at the session's own row of its optional region")
        .isTrue();
    assertThat(Rows.count(session, "fa_regions")).isEqualTo(1L);
    assertThat(Rows.count(session, "fa_accounts where region_id = " + region.getId()))
        .isEqualTo(1L);
  }

  @Test
  void parentCycleIsReportedClearly(Factory<Department> departments, Session session) {
    assertThatThrownBy(departments::create)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Department.class.getName())
        .hasMessageContaining(Employee.class.getName())
        .hasMessageContaining("customizer");
    assertThat(Rows.count(session, "fa_departments")).isZero();
    assertThat(Rows.count(session, "fa_employees")).isZero();
  }

  @Test
  void parentCycleIsReportedFromEitherSide(Factory<Employee> employees) {
    assertThatThrownBy(employees::create)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Department.class.getName())
        .hasMessageContaining(Employee.class.getName());
  }

  @Test
  void parentCycleIsReportedByBuildToo(Factory<Department> departments) {
    assertThatThrownBy(departments::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Department.class.getName())
        .hasMessageContaining(Employee.class.getName());
  }

  @Test
  void requiredParentOfItsOwnTypeIsReportedClearly(Factory<Category> categories) {
    assertThatThrownBy(categories::create)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Category.class.getName())
        .hasMessageContaining("customizer");
  }

  @Test
  void cycleMessageNamesTheAssociationsToSet(
      Factory<Department> departments, Factory<Category> categories) {
    assertThatThrownBy(departments::create)
        .satisfies(
            e ->
                assertThat(e.getMessage()).containsAnyOf("Department.head", "Employee.department"));
    assertThatThrownBy(categories::create).hasMessageContaining("Category.parent");
  }

  @Test
  void factoriesStillWorkAfterACycleWasReported(
      Factory<Department> departments, Factory<InvoiceLine> lines, Session session) {
    assertThatThrownBy(departments::create).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(departments::create)
        .as("the same report the second time")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Employee.class.getName());

    lines.create();

    assertThat(Rows.count(session, "fa_invoice_lines")).isEqualTo(1L);
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
  }
}
