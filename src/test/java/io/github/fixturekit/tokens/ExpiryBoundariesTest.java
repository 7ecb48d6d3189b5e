package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsFixtureTest;
import io.github.fixturekit.tokens.schemas.TsLegacyToken;
import io.github.fixturekit.tokens.schemas.TsUser;
import io.github.fixturekit.tokens.schemas.TsWebToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Instants with nanoseconds next to a second, day or year boundary, in whatever zone the JVM runs
 * (the suite runs in several). PostgreSQL keeps microseconds and rounds half-up, so
 * 1999-12-31T23:59:59.999999999Z would be stored as the year 2000; fixturekit truncates to
 * microseconds before it stores, so "identical" means: the token the factory hands back, the row,
 * and the entity read back from the row all hold the same instant, the clock's instant truncated to
 * microseconds (never rounded into the next second, day or year), for every expiry type.
 */
@TsFixtureTest
@TokenMapping(
    entity = TsLegacyToken.class,
    hash = "digest",
    family = "chain",
    expiresAt = "validUntil",
    revoked = "disabled")
class ExpiryBoundariesTest {

  static Stream<Instant> boundaries() {
    ZoneId zone = ZoneId.systemDefault();
    return Stream.of(
        Instant.parse("1999-12-31T23:59:59.999999999Z"), // the last nanosecond of a year
        Instant.parse("2000-02-29T23:59:59.999999500Z"), // a leap day; rounding would give March
        Instant.parse("2024-02-29T00:00:00.000000001Z"),
        Instant.parse("2016-12-31T23:59:59.999999999Z"), // the day of the last leap second
        Instant.parse("1970-01-01T00:00:00Z"), // the epoch
        Instant.parse("1970-01-01T00:00:00.000000999Z"),
        Instant.parse("1969-12-31T23:59:59.999999999Z"), // before the epoch: negative seconds
        Instant.parse("2038-01-19T03:14:07.999999999Z"), // the end of 32-bit seconds
        // the last nanosecond of a day and of a year in the JVM's own zone
        LocalDate.of(2031, 7, 1).atStartOfDay(zone).toInstant().minusNanos(1),
        LocalDate.of(2032, 1, 1).atStartOfDay(zone).toInstant().minusNanos(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaries")
  void theTokenTheRowAndTheEntityReadBackHoldTheSameInstant(
      Instant at,
      TestClock clock,
      Session session,
      Factory<Member> members,
      Factory<TsUser> users,
      RefreshTokenFactory<SessionToken> instants,
      RefreshTokenFactory<TsApiToken> offsets,
      RefreshTokenFactory<TsWebToken> zoned,
      RefreshTokenFactory<TsLegacyToken> locals) {
    clock.freezeAt(at);
    Instant expected = at.truncatedTo(ChronoUnit.MICROS);
    TsUser user = users.create();

    SessionToken instant =
        instants.create(members.create(), o -> o.expiresIn(Duration.ZERO)).entity();
    TsApiToken offset = offsets.create(user, o -> o.expiresIn(Duration.ZERO)).entity();
    TsWebToken zone = zoned.create(user, o -> o.expiresIn(Duration.ZERO)).entity();
    TsLegacyToken local = locals.create(user, o -> o.expiresIn(Duration.ZERO)).entity();

    assertThat(
            List.of(
                instant.getExpiresAt(),
                offset.getExpiresAt().toInstant(),
                zone.getExpiresAt().toInstant(),
                local.getValidUntil().toInstant(ZoneOffset.UTC)))
        .as("what the factories handed back")
        .containsOnly(expected);
    assertThat(
            List.of(
                timestamptz(session, "refresh_tokens", "expires_at", instant.getId()),
                timestamptz(session, "ts_api_tokens", "expires_at", offset.getId()),
                timestamptz(session, "ts_web_tokens", "expires_at", zone.getId()),
                timestamp(session, "ts_legacy_tokens", "valid_until", local.getId())
                    .toInstant(ZoneOffset.UTC)))
        .as("the rows")
        .containsOnly(expected);
    session.clear();
    assertThat(
            List.of(
                session.find(SessionToken.class, instant.getId()).getExpiresAt(),
                session.find(TsApiToken.class, offset.getId()).getExpiresAt().toInstant(),
                session.find(TsWebToken.class, zone.getId()).getExpiresAt().toInstant(),
                session
                    .find(TsLegacyToken.class, local.getId())
                    .getValidUntil()
                    .toInstant(ZoneOffset.UTC)))
        .as("the entities read back")
        .containsOnly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaries")
  void aDeltaOfOneNanosecondIsAddedBeforeTheTruncation(
      Instant at,
      TestClock clock,
      Session session,
      Factory<Member> members,
      RefreshTokenFactory<SessionToken> tokens) {
    clock.freezeAt(at);

    SessionToken token =
        tokens.create(members.create(), o -> o.expiresIn(Duration.ofNanos(1))).entity();

    Instant expected = at.plusNanos(1).truncatedTo(ChronoUnit.MICROS);
    assertThat(token.getExpiresAt()).isEqualTo(expected);
    assertThat(timestamptz(session, "refresh_tokens", "expires_at", token.getId()))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaries")
  void anIssueTimeGivenWithNanosecondsIsStoredAsHandedBack(
      Instant at, Session session, Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
    TsApiToken token = tokens.create(users.create(), o -> o.issuedAt(at)).entity();

    assertThat(token.getIssuedAt()).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
    assertThat(timestamptz(session, "ts_api_tokens", "issued_at", token.getId()))
        .isEqualTo(token.getIssuedAt());
    session.clear();
    assertThat(session.find(TsApiToken.class, token.getId()).getIssuedAt())
        .isEqualTo(token.getIssuedAt());
  }

  static Instant timestamptz(Session session, String table, String column, long id) {
    return read(session, table, column, id, OffsetDateTime.class).toInstant();
  }

  static LocalDateTime timestamp(Session session, String table, String column, long id) {
    return read(session, table, column, id, LocalDateTime.class);
  }

  private static <V> V read(Session session, String table, String column, long id, Class<V> type) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "select " + column + " from " + table + " where id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
              assertThat(rs.next()).as("a row in %s for id %s", table, id).isTrue();
              return rs.getObject(1, type);
            }
          }
        });
  }
}
