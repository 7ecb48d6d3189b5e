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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** The random data a factory puts into rows: valid for every column, unique where it must be. */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
class RandomDataTest {

  private static final String EMAIL = "^[a-z0-9]+([._+-][a-z0-9]+)*@[a-z0-9-]+(\\.[a-z0-9-]+)+$";

  @Test
  void uniqueEmailsOverFiveHundredRows(Factory<Account> accounts, Session session) {
    List<Account> created = accounts.createList(500);

    assertThat(created.stream().map(Account::getEmail).distinct()).hasSize(500);
    assertThat(created).allSatisfy(a -> assertThat(a.getEmail()).hasSizeLessThanOrEqualTo(60));
    assertThat(Rows.number(session, "select count(distinct email) from fa_accounts"))
        .isEqualTo(500L);
  }

  @Test
  void uniqueEmailsLookLikeEmails(Factory<Account> accounts) {
    assertThat(accounts.createList(100)).allSatisfy(a -> assertThat(a.getEmail()).matches(EMAIL));
  }

  @Test
  void otherUniqueColumnsAreDistinctAndFit(Factory<Account> accounts, Session session) {
    List<Account> created = accounts.createList(500);

    assertThat(created.stream().map(Account::getHandle).distinct()).hasSize(500);
    assertThat(created).allSatisfy(a -> assertThat(a.getHandle()).hasSizeLessThanOrEqualTo(8));
    assertThat(created.stream().map(Account::getMemberNo).distinct()).hasSize(500);
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(500L);
  }

  @Test
  void naturalIdIsUniqueAndFits(Factory<Region> regions) {
    List<Region> created = regions.createList(300);

    assertThat(created.stream().map(Region::getName).distinct()).hasSize(300);
    assertThat(created).allSatisfy(r -> assertThat(r.getName()).hasSizeLessThanOrEqualTo(30));
  }

  @Test
  void tableLevelUniqueConstraintIsRespected(Factory<Locker> lockers, Session session) {
    List<Locker> created = lockers.createList(500);

    assertThat(created.stream().map(Locker::getNumber).distinct()).hasSize(500);
    assertThat(Rows.count(session, "fa_lockers")).isEqualTo(500L);
  }

  @Test
  void everyStringFitsItsColumn(
      Factory<Account> accounts,
      Factory<InvoiceLine> lines,
      Factory<Attachment> attachments,
      Factory<Region> regions,
      Factory<AuditEntry> entries,
      Factory<Locker> lockers) {
    for (int i = 0; i < 150; i++) {
      Rows.assertStringsFitColumns(accounts.create());
      InvoiceLine line = lines.create();
      Rows.assertStringsFitColumns(line);
      Rows.assertStringsFitColumns(line.getInvoice());
      Rows.assertStringsFitColumns(attachments.create());
      Rows.assertStringsFitColumns(regions.create());
      Rows.assertStringsFitColumns(entries.create());
      int number = i;
      Rows.assertStringsFitColumns(lockers.create(l -> l.setNumber(number)));
    }
  }

  @Test
  void decimalsFitPrecisionAndScale(
      Factory<Account> accounts, Factory<InvoiceLine> lines, Session session) {
    List<Account> created = accounts.createList(300);

    assertThat(created)
        .allSatisfy(
            a -> {
              assertFits(a.getBalance(), 8, 2);
              assertFits(a.getDiscountRate(), 4, 3);
            });
    for (Account a : created.subList(0, 20)) {
      BigDecimal[] row =
          Rows.one(
              session,
              "select balance, discount_rate from fa_accounts where id = ?",
              r -> new BigDecimal[] {r.getBigDecimal(1), r.getBigDecimal(2)},
              a.getId());
      assertThat(row[0]).isEqualByComparingTo(a.getBalance());
      assertThat(row[1]).isEqualByComparingTo(a.getDiscountRate());
    }
    for (InvoiceLine line : lines.createList(100)) {
      assertFits(line.getUnitPrice(), 7, 2);
      assertFits(line.getInvoice().getTotal(), 10, 2);
    }
  }

  private static void assertFits(BigDecimal value, int precision, int scale) {
    if (value == null) {
      return;
    }
    assertThat(value.scale()).as("scale of %s", value).isLessThanOrEqualTo(scale);
    assertThat(value.precision() - value.scale())
        .as("integer digits of %s", value)
        .isLessThanOrEqualTo(precision - scale);
  }

  @Test
  void versionIdAndTransientAreNotRandom(Factory<Account> accounts, Session session) {
    for (Account account : accounts.createList(50)) {
      assertThat(account.getVersion()).isZero();
      assertThat(account.getScratch()).isNull();
      assertThat(
              Rows.number(session, "select version from fa_accounts where id = ?", account.getId()))
          .isZero();
    }
  }

  @Test
  void generatedIdsComeFromTheDatabase(Factory<Account> accounts, Session session) {
    List<Account> created = accounts.createList(20);

    long max = Rows.number(session, "select max(id) from fa_accounts");
    long min = Rows.number(session, "select min(id) from fa_accounts");
    assertThat(created.get(0).getId()).isEqualTo(min);
    assertThat(created.get(19).getId()).isEqualTo(max);
    assertThat(max - min).as("consecutive identity values").isEqualTo(19L);
  }

  @Test
  void enumIsSetAndStoredByName(Factory<Account> accounts, Session session) {
    for (Account account : accounts.createList(40)) {
      assertThat(account.getStatus()).isNotNull();
      assertThat(Rows.text(session, "select status from fa_accounts where id = ?", account.getId()))
          .isEqualTo(account.getStatus().name());
    }
  }

  @Test
  void temporalsHaveMicrosecondsAtMostAndEqualTheRow(Factory<Account> accounts, Session session) {
    List<Account> created = accounts.createList(100);

    for (Account a : created) {
      assertMicros("openedAt", a.getOpenedAt() == null ? 0 : a.getOpenedAt().getNano());
      assertMicros("lastLoginAt", a.getLastLoginAt() == null ? 0 : a.getLastLoginAt().getNano());
      assertMicros("renewedAt", a.getRenewedAt() == null ? 0 : a.getRenewedAt().getNano());

      record Row(Instant openedAt, LocalDateTime lastLoginAt, OffsetDateTime renewedAt) {}
      Row row =
          Rows.one(
              session,
              "select opened_at, last_login_at, renewed_at from fa_accounts where id = ?",
              r -> {
                OffsetDateTime opened = r.getObject(1, OffsetDateTime.class);
                return new Row(
                    opened == null ? null : opened.toInstant(),
                    r.getObject(2, LocalDateTime.class),
                    r.getObject(3, OffsetDateTime.class));
              },
              a.getId());
      assertThat(row.openedAt()).isEqualTo(a.getOpenedAt());
      assertThat(row.lastLoginAt()).isEqualTo(a.getLastLoginAt());
      if (a.getRenewedAt() == null) {
        assertThat(row.renewedAt()).isNull();
      } else {
        assertThat(row.renewedAt()).isAtSameInstantAs(a.getRenewedAt());
      }
    }
  }

  /**
   * A {@code LocalTime} column gets Hibernate's default precision, {@code time(0)}: the value in
   * memory must still equal the row.
   */
  @Test
  void timeOfDayEqualsTheRow(Factory<Account> accounts, Session session) {
    for (Account a : accounts.createList(50)) {
      LocalTime row =
          Rows.one(
              session,
              "select cutoff_time from fa_accounts where id = ?",
              r -> r.getObject(1, LocalTime.class),
              a.getId());
      assertThat(row).as("cutoff_time of account %s", a.getId()).isEqualTo(a.getCutoffTime());
    }
  }

  private static void assertMicros(String field, int nanos) {
    assertThat(nanos % 1000).as("sub-microsecond digits of %s", field).isZero();
  }

  @Test
  void durationsEqualTheRow(Factory<Account> accounts, Session session) {
    List<Account> created = accounts.createList(50);
    session.clear();

    for (Account a : created) {
      Duration stored = session.find(Account.class, a.getId()).getGracePeriod();
      assertThat(stored).as("grace period of account %s", a.getId()).isEqualTo(a.getGracePeriod());
    }
  }

  @Test
  void assignedLongIdsAreUnique(Factory<Region> regions, Session session) {
    List<Region> created = regions.createList(400);

    assertThat(created.stream().map(Region::getId).distinct()).hasSize(400);
    assertThat(Rows.count(session, "fa_regions")).isEqualTo(400L);
  }

  @Test
  void assignedUuidIdsAreUnique(Factory<Attachment> attachments, Session session) {
    List<Attachment> created = attachments.createList(200);

    assertThat(created.stream().map(Attachment::getId).distinct()).hasSize(200);
    assertThat(Rows.count(session, "fa_attachments")).isEqualTo(200L);
  }

  @Test
  void assignedIdCanBeSetByTheCustomizer(
      Factory<Region> regions, Factory<Attachment> attachments, Session session) {
    UUID id = UUID.fromString("00000000-0000-4000-8000-000000000042");

    Region region = regions.create(r -> r.setId(-42L));
    Attachment attachment = attachments.create(a -> a.setId(id));

    assertThat(region.getId()).isEqualTo(-42L);
    assertThat(Rows.count(session, "fa_regions where id = -42")).isEqualTo(1L);
    assertThat(attachment.getId()).isEqualTo(id);
    assertThat(Rows.number(session, "select count(*) from fa_attachments where id = ?", id))
        .isEqualTo(1L);
  }
}
