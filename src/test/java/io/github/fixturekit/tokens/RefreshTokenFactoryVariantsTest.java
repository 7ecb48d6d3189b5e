package io.github.fixturekit.tokens;

import static io.github.fixturekit.tokens.TokenChecks.count;
import static io.github.fixturekit.tokens.TokenChecks.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.tokens.model.LocalToken;
import io.github.fixturekit.tokens.model.OffsetToken;
import io.github.fixturekit.tokens.model.ZonedToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token mapping conventions beyond the reference fixture's own table: other expiry types, a
 * {@code String} family id, a field named {@code revoked}, and owners found by name.
 */
@FixtureTest(entities = {Member.class, OffsetToken.class, LocalToken.class, ZonedToken.class})
class RefreshTokenFactoryVariantsTest {

  private static final Duration SEVEN_DAYS = Duration.ofDays(7);
  private static final Instant FIXED_NOW = Instant.parse("2030-01-01T00:00:00.123456789Z");
  private static final Instant FIXED_EXPIRY = Instant.parse("2030-01-08T00:00:00.123456Z");

  /** One column of one row, read with plain JDBC in the test's transaction. */
  private static <V> V stored(
      Session session, String table, String column, long id, Class<V> type) {
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

  private static Clock fixedClock() {
    return Clock.fixed(FIXED_NOW, ZoneOffset.UTC);
  }

  @Nested
  class OffsetDateTimeExpiryStringFamilyAndOwnerNamedOwner {

    @Test
    void isCreatedWithEveryRoleWhereTheConventionPutsIt(
        Factory<Member> members, RefreshTokenFactory<OffsetToken> tokens, Session session) {
      Member owner = members.create();

      Instant before = Instant.now();
      IssuedToken<OffsetToken> issued = tokens.create(owner);
      Instant after = Instant.now();
      OffsetToken token = issued.entity();

      assertThat(session.contains(token)).isTrue();
      assertThat(token.getOwner()).isSameAs(owner);
      assertThat(token.getIssuer()).isNull();
      assertThat(token.getTokenHash()).isEqualTo(sha256Hex(issued.raw()));
      assertThat(token.isRevoked()).isFalse();
      assertThat(token.getExpiresAt().toInstant())
          .isBetween(
              before.plus(SEVEN_DAYS).truncatedTo(ChronoUnit.MICROS), after.plus(SEVEN_DAYS));

      long id = token.getId();
      assertThat(stored(session, "tk_offset_tokens", "owner_id", id, Long.class))
          .isEqualTo(owner.getId());
      assertThat(stored(session, "tk_offset_tokens", "issuer_id", id, Long.class)).isNull();
      assertThat(stored(session, "tk_offset_tokens", "token_hash", id, String.class))
          .isEqualTo(token.getTokenHash());
      assertThat(stored(session, "tk_offset_tokens", "revoked", id, Boolean.class)).isFalse();
      assertThat(
              stored(session, "tk_offset_tokens", "expires_at", id, OffsetDateTime.class)
                  .toInstant())
          .isEqualTo(token.getExpiresAt().toInstant());
    }

    @Test
    void familyIdIsTheCanonicalTextOfANewVersionFourUuid(
        Factory<Member> members, RefreshTokenFactory<OffsetToken> tokens, Session session) {
      Member owner = members.create();
      OffsetToken first = tokens.create(owner).entity();
      OffsetToken second = tokens.create(owner).entity();

      for (OffsetToken token : new OffsetToken[] {first, second}) {
        String family = token.getFamilyId();
        UUID parsed = UUID.fromString(family);
        assertThat(parsed.toString()).isEqualTo(family);
        assertThat(parsed.version()).isEqualTo(4);
        assertThat(parsed.variant()).isEqualTo(2);
        assertThat(stored(session, "tk_offset_tokens", "family_id", token.getId(), String.class))
            .isEqualTo(family);
      }
      assertThat(first.getFamilyId()).isNotEqualTo(second.getFamilyId());
    }

    @Test
    void fieldNamedRevokedIsSetWhenAsked(
        Factory<Member> members, RefreshTokenFactory<OffsetToken> tokens, Session session) {
      OffsetToken token = tokens.create(members.create(), o -> o.revoked(true)).entity();

      assertThat(token.isRevoked()).isTrue();
      assertThat(stored(session, "tk_offset_tokens", "revoked", token.getId(), Boolean.class))
          .isTrue();
    }

    @Test
    void expiryIsNowInUtcPlusTheDelta(Factory<Member> members, Session session) {
      RefreshTokenFactory<OffsetToken> tokens =
          RefreshTokenFactory.of(session, OffsetToken.class, fixedClock());

      OffsetToken token = tokens.create(members.create()).entity();

      assertThat(token.getExpiresAt().toInstant()).isEqualTo(FIXED_EXPIRY);
      assertThat(token.getExpiresAt().getOffset()).isEqualTo(ZoneOffset.UTC);
      assertThat(
              stored(session, "tk_offset_tokens", "expires_at", token.getId(), OffsetDateTime.class)
                  .toInstant())
          .isEqualTo(FIXED_EXPIRY);
    }
  }

  @Nested
  class LocalDateTimeExpiryReadAsUtc {

    @Test
    void isTheUtcWallTimeOfNowPlusSevenDays(
        Factory<Member> members, RefreshTokenFactory<LocalToken> tokens, Session session) {
      Member owner = members.create();

      Instant before = Instant.now();
      IssuedToken<LocalToken> issued = tokens.create(owner);
      Instant after = Instant.now();
      LocalToken token = issued.entity();

      assertThat(token.getUser()).isSameAs(owner);
      assertThat(token.getTokenHash()).isEqualTo(sha256Hex(issued.raw()));
      assertThat(token.getIsRevoked()).isFalse();
      assertThat(token.getFamilyId().version()).isEqualTo(4);
      assertThat(token.getExpiresAt())
          .isBetween(
              LocalDateTime.ofInstant(
                  before.plus(SEVEN_DAYS).truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
              LocalDateTime.ofInstant(after.plus(SEVEN_DAYS), ZoneOffset.UTC));
      assertThat(
              stored(session, "tk_local_tokens", "expires_at", token.getId(), LocalDateTime.class))
          .isEqualTo(token.getExpiresAt());
    }

    @Test
    void isExactlyTheUtcWallTimeWithAFixedClock(Factory<Member> members, Session session) {
      RefreshTokenFactory<LocalToken> tokens =
          RefreshTokenFactory.of(session, LocalToken.class, fixedClock());

      LocalToken token = tokens.create(members.create(), o -> o.revoked(true)).entity();

      LocalDateTime expected = LocalDateTime.parse("2030-01-08T00:00:00.123456");
      assertThat(token.getExpiresAt()).isEqualTo(expected);
      assertThat(token.getIsRevoked()).isTrue();
      assertThat(
              stored(session, "tk_local_tokens", "expires_at", token.getId(), LocalDateTime.class))
          .isEqualTo(expected);
      assertThat(stored(session, "tk_local_tokens", "is_revoked", token.getId(), Boolean.class))
          .isTrue();
    }

    /**
     * UTC wall times that do not exist in some time zones, because clocks there skip forward at
     * that moment (Lord Howe Island, central Europe, the US). A UTC wall time is stored as it is,
     * whatever the zone of the JVM running the test.
     */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "2030-10-06T02:10:00.123456",
          "2030-03-31T02:30:00.654321",
          "2030-03-10T02:30:00.000001"
        })
    void isStoredUnchangedWhenTheUtcWallTimeIsMissingInTheJvmsZone(
        String wallTime, Factory<Member> members, Session session) {
      LocalDateTime expected = LocalDateTime.parse(wallTime);
      Instant now = expected.toInstant(ZoneOffset.UTC).minus(SEVEN_DAYS).plusNanos(999);
      RefreshTokenFactory<LocalToken> tokens =
          RefreshTokenFactory.of(session, LocalToken.class, Clock.fixed(now, ZoneOffset.UTC));

      LocalToken token = tokens.create(members.create()).entity();

      assertThat(token.getExpiresAt()).isEqualTo(expected);
      assertThat(
              stored(session, "tk_local_tokens", "expires_at", token.getId(), LocalDateTime.class))
          .isEqualTo(expected);
    }
  }

  @Nested
  class ZonedDateTimeExpiry {

    @Test
    void isNowPlusSevenDays(
        Factory<Member> members, RefreshTokenFactory<ZonedToken> tokens, Session session) {
      Member owner = members.create();

      Instant before = Instant.now();
      ZonedToken token = tokens.create(owner).entity();
      Instant after = Instant.now();

      assertThat(token.getOwner()).isSameAs(owner);
      assertThat(token.isRevoked()).isFalse();
      assertThat(token.getExpiresAt().toInstant())
          .isBetween(
              before.plus(SEVEN_DAYS).truncatedTo(ChronoUnit.MICROS), after.plus(SEVEN_DAYS));
      assertThat(
              stored(session, "tk_zoned_tokens", "expires_at", token.getId(), OffsetDateTime.class)
                  .toInstant())
          .isEqualTo(token.getExpiresAt().toInstant());
      assertThat(stored(session, "tk_zoned_tokens", "owner_id", token.getId(), Long.class))
          .isEqualTo(owner.getId());
    }

    @Test
    void isExactWithAFixedClockAndRevokedWhenAsked(Factory<Member> members, Session session) {
      RefreshTokenFactory<ZonedToken> tokens =
          RefreshTokenFactory.of(session, ZonedToken.class, fixedClock());

      ZonedToken token =
          tokens
              .create(members.create(), o -> o.revoked(true).expiresIn(Duration.ofDays(-1)))
              .entity();

      Instant expected = Instant.parse("2029-12-31T00:00:00.123456Z");
      assertThat(token.getExpiresAt().toInstant()).isEqualTo(expected);
      assertThat(token.getExpiresAt().getOffset()).isEqualTo(ZoneOffset.UTC);
      assertThat(token.isRevoked()).isTrue();
      assertThat(
              stored(session, "tk_zoned_tokens", "expires_at", token.getId(), OffsetDateTime.class)
                  .toInstant())
          .isEqualTo(expected);
      assertThat(stored(session, "tk_zoned_tokens", "revoked", token.getId(), Boolean.class))
          .isTrue();
    }
  }

  @Test
  void eachVariantWritesOnlyItsOwnTable(
      Factory<Member> members,
      RefreshTokenFactory<OffsetToken> offsetTokens,
      RefreshTokenFactory<LocalToken> localTokens,
      RefreshTokenFactory<ZonedToken> zonedTokens,
      Session session) {
    Member owner = members.create();

    offsetTokens.create(owner);
    localTokens.create(owner);
    localTokens.create(owner);
    zonedTokens.create(owner);

    assertThat(count(session, "tk_offset_tokens")).isEqualTo(1);
    assertThat(count(session, "tk_local_tokens")).isEqualTo(2);
    assertThat(count(session, "tk_zoned_tokens")).isEqualTo(1);
    assertThat(count(session, "members")).isEqualTo(1);
  }
}
