package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.model.Account;
import io.github.fixturekit.factory.model.Region;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A time a test sets in a customizer, with nanoseconds next to a second, day or year boundary: the
 * entity the factory hands back equals its row and the entity read back (truncated to the
 * microseconds PostgreSQL keeps, never rounded into the next second), in the JVM's zone.
 */
@FixtureTest(entities = {Account.class, Region.class})
class TimeBoundariesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "1999-12-31T23:59:59.999999999Z",
        "2000-02-29T23:59:59.999999500Z",
        "1969-12-31T23:59:59.999999999Z",
        "1970-01-01T00:00:00.000000001Z",
        "2038-01-19T03:14:07.999999999Z"
      })
  void aTimeSetInTheCustomizerEqualsItsRow(
      String text, Factory<Account> accounts, Session session) {
    Instant at = Instant.parse(text);
    Instant expected = at.truncatedTo(ChronoUnit.MICROS);
    OffsetDateTime offset = at.atOffset(ZoneOffset.ofHoursMinutes(5, 45));
    LocalDateTime local = LocalDateTime.ofInstant(at, ZoneId.systemDefault());

    Account account =
        accounts.create(
            a -> {
              a.setOpenedAt(at);
              a.setRenewedAt(offset);
              a.setLastLoginAt(local);
            });

    assertThat(account.getOpenedAt()).isEqualTo(expected);
    assertThat(account.getRenewedAt().toInstant()).isEqualTo(expected);
    assertThat(account.getLastLoginAt()).isEqualTo(local.truncatedTo(ChronoUnit.MICROS));
    session.flush();
    session.clear();
    Account read = session.find(Account.class, account.getId());
    assertThat(read.getOpenedAt()).isEqualTo(account.getOpenedAt());
    assertThat(read.getRenewedAt().toInstant()).isEqualTo(account.getRenewedAt().toInstant());
    assertThat(read.getLastLoginAt()).isEqualTo(account.getLastLoginAt());
    assertThat(
            session
                .createNativeQuery(
                    "select opened_at from fa_accounts where id = :id", OffsetDateTime.class)
                .setParameter("id", account.getId())
                .getSingleResult()
                .toInstant())
        .isEqualTo(expected);
  }
}
