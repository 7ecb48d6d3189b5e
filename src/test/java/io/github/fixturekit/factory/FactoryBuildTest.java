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
import io.github.fixturekit.factory.model.Status;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** {@code Factory.build}: random, valid entities in memory, never in the database. */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
class FactoryBuildTest {

  @Test
  void buildIsInMemoryOnly(Factory<Account> accounts, Session session) {
    Account account = accounts.build();

    assertThat(account).isNotNull();
    assertThat(account.getId()).as("generated id").isNull();
    assertThat(session.contains(account)).isFalse();
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void buildFillsEveryRequiredColumn(Factory<Account> accounts) {
    Account account = accounts.build();

    assertThat(account.getEmail()).isNotBlank();
    assertThat(account.getCode()).isNotBlank();
    assertThat(account.getDisplayName()).isNotBlank();
    assertThat(account.getMemberNo()).isNotNull();
    assertThat(account.getStatus()).isNotNull();
    assertThat(account.getOpenedAt()).isNotNull();
    Rows.assertStringsFitColumns(account);
  }

  @Test
  void buildLeavesVersionTransientAndOptionalParentAlone(Factory<Account> accounts) {
    Account account = accounts.build();

    assertThat(account.getVersion()).isZero();
    assertThat(account.getScratch()).isNull();
    assertThat(account.getRegion()).as("optional @ManyToOne").isNull();
  }

  @Test
  void buildAppliesTheCustomizer(Factory<Account> accounts, Session session) {
    Account account =
        accounts.build(
            a -> {
              a.setEmail("built@example.org");
              a.setCode("AB1");
              a.setStatus(Status.SUSPENDED);
              a.setNickname(null);
            });

    assertThat(account.getEmail()).isEqualTo("built@example.org");
    assertThat(account.getCode()).isEqualTo("AB1");
    assertThat(account.getStatus()).isEqualTo(Status.SUSPENDED);
    assertThat(account.getNickname()).isNull();
    assertThat(session.contains(account)).isFalse();
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void buildGivesDifferentEntitiesEachTime(Factory<Account> accounts) {
    Set<String> emails = new HashSet<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Account account = accounts.build();
      emails.add(account.getEmail());
      codes.add(account.getCode());
    }

    assertThat(emails).hasSize(50);
    assertThat(codes).as("random codes vary").hasSizeGreaterThan(1);
  }

  @Test
  void buildBuildsRequiredParentsInMemoryToo(Factory<InvoiceLine> lines, Session session) {
    InvoiceLine line = lines.build();

    assertThat(line.getInvoice()).as("required invoice").isNotNull();
    assertThat(line.getInvoice().getAccount()).as("the invoice's required account").isNotNull();
    assertThat(line.getId()).isNull();
    assertThat(line.getInvoice().getId()).isNull();
    assertThat(line.getInvoice().getAccount().getId()).isNull();
    assertThat(session.contains(line.getInvoice())).isFalse();
    assertThat(session.contains(line.getInvoice().getAccount())).isFalse();
    assertThat(Rows.count(session, "fa_invoice_lines")).isZero();
    assertThat(Rows.count(session, "fa_invoices")).isZero();
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void buildLeavesOptionalParentNullAndCollectionEmpty(Factory<Invoice> invoices) {
    Invoice invoice = invoices.build();

    assertThat(invoice.getAccount()).isNotNull();
    assertThat(invoice.getReviewer()).as("optional reviewer").isNull();
    assertThat(invoice.getLines()).as("@OneToMany lines").isNotNull().isEmpty();
  }

  @Test
  void buildKeepsAParentTheCustomizerSets(Factory<Invoice> invoices, Factory<Account> accounts) {
    Account owner = accounts.build();

    Invoice invoice = invoices.build(i -> i.setAccount(owner));

    assertThat(invoice.getAccount()).isSameAs(owner);
  }

  @Test
  void buildAssignsIdsThatHaveNoGenerator(
      Factory<Region> regions, Factory<Attachment> attachments) {
    assertThat(regions.build().getId()).isNotNull();
    assertThat(attachments.build().getId()).isNotNull();
  }

  @Test
  void buildLeavesDatabaseGeneratedColumnsEmpty(Factory<AuditEntry> entries, Session session) {
    AuditEntry entry = entries.build();

    assertThat(entry.getInsertedAt()).as("@Generated insertable=false").isNull();
    assertThat(entry.getPriority()).as("@Generated @ColumnDefault").isNull();
    assertThat(entry.getCreatedAt()).as("@CreationTimestamp").isNull();
    assertThat(Rows.count(session, "fa_audit_entries")).isZero();
  }

  @Test
  void builtEntityCanBePersistedByHand(Factory<Account> accounts, Session session) {
    Account account = accounts.build();

    session.persist(account);
    session.flush();

    assertThat(account.getId()).isNotNull();
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
  }
}
