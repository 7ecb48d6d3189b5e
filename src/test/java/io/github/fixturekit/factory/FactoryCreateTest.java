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
import io.github.fixturekit.factory.model.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** {@code Factory.create} and {@code createList}: rows in the test's transaction. */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
class FactoryCreateTest {

  @Test
  void createInsertsOneManagedRow(Factory<Account> accounts, Session session) {
    Account account = accounts.create();

    assertThat(account.getId()).isNotNull();
    assertThat(session.contains(account)).isTrue();
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(1L);
    assertThat(session.find(Account.class, account.getId())).isSameAs(account);
    assertThat(Rows.text(session, "select email from fa_accounts where id = ?", account.getId()))
        .isEqualTo(account.getEmail());
  }

  @Test
  void createdRowReadsBackEqualInAFreshSession(Factory<Account> accounts, Session session) {
    Account account = accounts.create();
    session.clear();

    Account loaded = session.find(Account.class, account.getId());

    assertThat(loaded).isNotSameAs(account);
    assertThat(loaded.getEmail()).isEqualTo(account.getEmail());
    assertThat(loaded.getCode()).isEqualTo(account.getCode());
    assertThat(loaded.getHandle()).isEqualTo(account.getHandle());
    assertThat(loaded.getMemberNo()).isEqualTo(account.getMemberNo());
    assertThat(loaded.getDisplayName()).isEqualTo(account.getDisplayName());
    assertThat(loaded.getNickname()).isEqualTo(account.getNickname());
    assertThat(loaded.getStatus()).isEqualTo(account.getStatus());
    assertThat(loaded.getBalance()).isEqualTo(account.getBalance());
    assertThat(loaded.getDiscountRate()).isEqualTo(account.getDiscountRate());
    assertThat(loaded.getLoginCount()).isEqualTo(account.getLoginCount());
    assertThat(loaded.isActive()).isEqualTo(account.isActive());
    assertThat(loaded.getOpenedAt()).isEqualTo(account.getOpenedAt());
    assertThat(loaded.getLastLoginAt()).isEqualTo(account.getLastLoginAt());
    assertThat(loaded.getRenewedAt()).isAtSameInstantAs(account.getRenewedAt());
    assertThat(loaded.getBirthday()).isEqualTo(account.getBirthday());
    assertThat(loaded.getVersion()).isEqualTo(account.getVersion());
  }

  @Test
  void createWithCustomizerStoresTheGivenValues(Factory<Account> accounts, Session session) {
    Instant openedAt = Instant.parse("2024-02-29T23:59:58.123456Z");
    LocalDateTime lastLogin = LocalDateTime.parse("2025-03-30T03:30:00.000001");
    OffsetDateTime renewedAt = OffsetDateTime.parse("2026-01-15T10:15:30.5+02:00");

    Account account =
        accounts.create(
            a -> {
              a.setEmail("carol@example.org");
              a.setCode("ZZ-9");
              a.setHandle("carol");
              a.setMemberNo(-7);
              a.setStatus(Status.CLOSED);
              a.setBalance(new BigDecimal("-123456.78"));
              a.setNickname(null);
              a.setOpenedAt(openedAt);
              a.setLastLoginAt(lastLogin);
              a.setRenewedAt(renewedAt);
              a.setActive(false);
              a.setScratch("not stored");
            });

    record Row(
        String email,
        String code,
        String handle,
        int memberNo,
        String status,
        BigDecimal balance,
        String nickname,
        Instant openedAt,
        LocalDateTime lastLogin,
        Instant renewedAt,
        boolean active,
        long version) {}
    Row row =
        Rows.one(
            session,
            "select email, code, handle, member_no, status, balance, nickname, opened_at,"
                + " last_login_at, renewed_at, active, version from fa_accounts where id = ?",
            r ->
                new Row(
                    r.getString("email"),
                    r.getString("code"),
                    r.getString("handle"),
                    r.getInt("member_no"),
                    r.getString("status"),
                    r.getBigDecimal("balance"),
                    r.getString("nickname"),
                    r.getObject("opened_at", OffsetDateTime.class).toInstant(),
                    r.getObject("last_login_at", LocalDateTime.class),
                    r.getObject("renewed_at", OffsetDateTime.class).toInstant(),
                    r.getBoolean("active"),
                    r.getLong("version")),
            account.getId());

    assertThat(row)
        .isEqualTo(
            new Row(
                "carol@example.org",
                "ZZ-9",
                "carol",
                -7,
                "CLOSED",
                new BigDecimal("-123456.78"),
                null,
                openedAt,
                lastLogin,
                renewedAt.toInstant(),
                false,
                0L));
    assertThat(account.getScratch()).isEqualTo("not stored");
  }

  @Test
  void createWithCustomizerKeepsTheRestRandom(Factory<Account> accounts) {
    Account account = accounts.create(a -> a.setCode("X"));

    assertThat(account.getCode()).isEqualTo("X");
    assertThat(account.getEmail()).isNotBlank();
    assertThat(account.getDisplayName()).isNotBlank();
  }

  @Test
  void createListOfZeroInsertsNothing(Factory<Account> accounts, Session session) {
    List<Account> none = accounts.createList(0);

    assertThat(none).isEmpty();
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void createListInsertsManyManagedRowsInOrder(Factory<Account> accounts, Session session) {
    List<Account> created = accounts.createList(200);

    assertThat(created).hasSize(200).allMatch(session::contains).allMatch(a -> a.getId() != null);
    assertThat(created.stream().map(Account::getId).distinct()).hasSize(200);
    assertThat(created.stream().map(Account::getId).toList()).isSorted();
    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(200L);
  }

  @Test
  void createListWorksForSequenceIds(Factory<InvoiceLine> lines, Session session) {
    List<InvoiceLine> created = lines.createList(120);

    assertThat(created).hasSize(120).allMatch(session::contains);
    assertThat(created.stream().map(InvoiceLine::getId).filter(Objects::nonNull).distinct())
        .hasSize(120);
    assertThat(Rows.count(session, "fa_invoice_lines")).isEqualTo(120L);
  }

  @Test
  void createListOfNegativeCountIsRefused(Factory<Account> accounts, Session session) {
    assertThatThrownBy(() -> accounts.createList(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThat(Rows.count(session, "fa_accounts")).isZero();
  }

  @Test
  void createThenBuildAndCreateAgainInTheSameTest(Factory<Account> accounts, Session session) {
    accounts.create();
    accounts.build();
    accounts.createList(3);
    accounts.create(a -> a.setCode("LAST"));

    assertThat(Rows.count(session, "fa_accounts")).isEqualTo(5L);
  }

  @Test
  void sequenceIdIsLeftToHibernate(Factory<InvoiceLine> lines, Session session) {
    assertThat(lines.build().getId()).as("built, not random").isNull();

    InvoiceLine line = lines.create();

    assertThat(line.getId()).isNotNull().isPositive();
    assertThat(
            Rows.number(
                session, "select count(*) from fa_invoice_lines where id = ?", line.getId()))
        .isEqualTo(1L);
  }
}
