package io.github.fixturekit.tokens;

import static io.github.fixturekit.tokens.TokenChecks.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureExtension;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clock given to {@link FixtureExtension.Builder#clock} defines "now" for every injected token
 * factory. The instant has nanoseconds, so the expiry shows that it is truncated, not rounded.
 */
class RefreshTokenFactoryFixedClockTest {

  @RegisterExtension
  static FixtureExtension fx =
      FixtureExtension.builder()
          .entities(Member.class, SessionToken.class)
          .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00.123456789Z"), ZoneOffset.UTC))
          .build();

  private static Instant storedExpiry(Session session, long id) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("select expires_at from refresh_tokens where id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
              assertThat(rs.next()).isTrue();
              return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
          }
        });
  }

  @Test
  void defaultExpiryIsExactlySevenDaysAfterTheFixedNowTruncatedToMicroseconds(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
    SessionToken token = tokens.create(members.create()).entity();

    Instant expected = Instant.parse("2030-01-08T00:00:00.123456Z");
    assertThat(token.getExpiresAt()).isEqualTo(expected);
    assertThat(storedExpiry(session, token.getId())).isEqualTo(expected);
  }

  @Test
  void everyTokenOfTheTestSeesTheSameNow(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
    Member owner = members.create();

    SessionToken hour = tokens.create(owner, o -> o.expiresIn(Duration.ofHours(1))).entity();
    SessionToken past = tokens.create(owner, o -> o.expiresIn(Duration.ofHours(-1))).entity();
    SessionToken now = tokens.create(owner, o -> o.expiresIn(Duration.ZERO)).entity();

    assertThat(hour.getExpiresAt()).isEqualTo(Instant.parse("2030-01-01T01:00:00.123456Z"));
    assertThat(past.getExpiresAt()).isEqualTo(Instant.parse("2029-12-31T23:00:00.123456Z"));
    assertThat(now.getExpiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123456Z"));
    assertThat(storedExpiry(session, hour.getId())).isEqualTo(hour.getExpiresAt());
    assertThat(storedExpiry(session, past.getId())).isEqualTo(past.getExpiresAt());
    assertThat(storedExpiry(session, now.getId())).isEqualTo(now.getExpiresAt());
    assertThat(count(session, "refresh_tokens")).isEqualTo(3);
  }

  @Test
  void subMicrosecondDeltasAreTruncatedAfterTheyAreAdded(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
    Member owner = members.create();

    SessionToken carried = tokens.create(owner, o -> o.expiresIn(Duration.ofNanos(211))).entity();
    SessionToken kept = tokens.create(owner, o -> o.expiresIn(Duration.ofNanos(210))).entity();

    assertThat(carried.getExpiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123457Z"));
    assertThat(kept.getExpiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123456Z"));
    assertThat(storedExpiry(session, carried.getId())).isEqualTo(carried.getExpiresAt());
    assertThat(storedExpiry(session, kept.getId())).isEqualTo(kept.getExpiresAt());
  }
}
