package io.github.fixturekit.tokens;

import static io.github.fixturekit.tokens.TokenChecks.count;
import static io.github.fixturekit.tokens.TokenChecks.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.model.MistypedToken;
import io.github.fixturekit.tokens.model.NotAToken;
import io.github.fixturekit.tokens.model.ShortHashToken;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Execution;

/**
 * {@link RefreshTokenFactory} against the reference fixture's token table, on a real PostgreSQL.
 * Every test runs in its own rolled-back transaction.
 */
@FixtureTest(entities = {Member.class, SessionToken.class})
class RefreshTokenFactoryTest {

  private static final Pattern BASE64URL_43 = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern LOWER_HEX_64 = Pattern.compile("[0-9a-f]{64}");
  private static final Duration SEVEN_DAYS = Duration.ofDays(7);

  /** The stored row of one token, read with plain JDBC in the test's transaction. */
  record Row(
      String tokenHash, UUID familyId, OffsetDateTime expiresAt, boolean revoked, long userId) {}

  static Row row(Session session, long id) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "select token_hash, family_id, expires_at, is_revoked, user_id"
                      + " from refresh_tokens where id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
              assertThat(rs.next()).as("a row for token id %s", id).isTrue();
              Row row =
                  new Row(
                      rs.getString(1),
                      rs.getObject(2, UUID.class),
                      rs.getObject(3, OffsetDateTime.class),
                      rs.getBoolean(4),
                      rs.getLong(5));
              assertThat(rs.next()).as("one row for token id %s", id).isFalse();
              return row;
            }
          }
        });
  }

  static Instant lowerBound(Instant before, Duration delta) {
    return before.plus(delta).truncatedTo(ChronoUnit.MICROS);
  }

  @Nested
  class RawToken {

    @Test
    void isFortyThreeBase64UrlCharactersOfThirtyTwoDistinctRandomBytes(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member owner = members.create();
      Base64.Decoder decoder = Base64.getUrlDecoder();
      Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
      Set<String> raws = new HashSet<>();
      List<byte[]> decoded = new ArrayList<>();

      for (int i = 0; i < 300; i++) {
        String raw = tokens.create(owner).raw();
        assertThat(raw).hasSize(43).matches(BASE64URL_43);
        byte[] bytes = decoder.decode(raw);
        assertThat(bytes).hasSize(32);
        assertThat(encoder.encodeToString(bytes))
            .as("canonical base64url of %s", raw)
            .isEqualTo(raw);
        raws.add(raw);
        decoded.add(bytes);
      }

      assertThat(raws).hasSize(300);
      long ones = 0;
      Set<Byte> firstBytes = new HashSet<>();
      for (byte[] bytes : decoded) {
        firstBytes.add(bytes[0]);
        for (byte b : bytes) {
          ones += Integer.bitCount(b & 0xFF);
        }
      }
      // 76,800 random bits: about 38,400 ones, with a standard deviation near 140.
      assertThat(ones).as("set bits in 300 x 32 random bytes").isBetween(36_900L, 39_900L);
      // 300 draws from 256 values hit about 177 of them.
      assertThat(firstBytes).as("distinct first bytes").hasSizeGreaterThan(120);
    }

    @Test
    void isNeverStoredOnlyItsHash(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      IssuedToken<SessionToken> issued = tokens.create(members.create());

      String wholeRow =
          session
              .createNativeQuery(
                  "select cast(row_to_json(t) as text) from refresh_tokens t where id = :id",
                  String.class)
              .setParameter("id", issued.entity().getId())
              .getSingleResult();
      assertThat(wholeRow).contains(sha256Hex(issued.raw())).doesNotContain(issued.raw());
    }
  }

  @Nested
  class Hash {

    @Test
    void isLowercaseHexSha256OfTheRawTokensUtf8Bytes(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member owner = members.create();
      for (int i = 0; i < 50; i++) {
        IssuedToken<SessionToken> issued = tokens.create(owner);
        assertThat(issued.entity().getTokenHash())
            .matches(LOWER_HEX_64)
            .isEqualTo(sha256Hex(issued.raw()));
      }
    }

    @Test
    void rowInTheDatabaseEqualsTheEntityInMemory(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      for (IssuedToken<SessionToken> issued :
          List.of(
              tokens.create(owner),
              tokens.create(owner, o -> o.revoked(true)),
              tokens.create(owner, o -> o.expiresIn(Duration.ofMinutes(-90))))) {
        SessionToken token = issued.entity();
        Row row = row(session, token.getId());

        assertThat(row.tokenHash())
            .isEqualTo(token.getTokenHash())
            .isEqualTo(sha256Hex(issued.raw()));
        assertThat(row.familyId()).isEqualTo(token.getFamilyId());
        assertThat(row.expiresAt().toInstant()).isEqualTo(token.getExpiresAt());
        assertThat(row.revoked()).isEqualTo(token.isRevoked());
        assertThat(row.userId()).isEqualTo(owner.getId());
      }
    }
  }

  @Nested
  class FamilyId {

    @Test
    void isANewVersionFourUuidPerToken(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      Set<UUID> families = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        SessionToken token = tokens.create(owner).entity();
        UUID family = token.getFamilyId();
        assertThat(family.version()).as("version of %s", family).isEqualTo(4);
        assertThat(family.variant()).as("variant of %s", family).isEqualTo(2);
        families.add(family);
      }
      assertThat(families).hasSize(100);
      assertThat(
              session
                  .createNativeQuery(
                      "select count(distinct family_id) from refresh_tokens", Long.class)
                  .getSingleResult())
          .isEqualTo(100L);
    }
  }

  @Nested
  class Expiry {

    @Test
    void defaultsToSevenDaysFromNow(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();

      Instant before = Instant.now();
      SessionToken token = tokens.create(owner).entity();
      Instant after = Instant.now();

      assertThat(token.getExpiresAt())
          .isBetween(lowerBound(before, SEVEN_DAYS), after.plus(SEVEN_DAYS));
      assertThat(row(session, token.getId()).expiresAt().toInstant())
          .isEqualTo(token.getExpiresAt());
    }

    @Test
    void expiresInSetsTheLifetime(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      Duration hour = Duration.ofHours(1);

      Instant before = Instant.now();
      SessionToken token = tokens.create(owner, o -> o.expiresIn(hour)).entity();
      Instant after = Instant.now();

      assertThat(token.getExpiresAt()).isBetween(lowerBound(before, hour), after.plus(hour));
      assertThat(row(session, token.getId()).expiresAt().toInstant())
          .isEqualTo(token.getExpiresAt());
    }

    @Test
    void negativeDeltaGivesATokenThatHasAlreadyExpired(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      Duration fiveMinutesAgo = Duration.ofMinutes(-5);

      Instant before = Instant.now();
      SessionToken token = tokens.create(owner, o -> o.expiresIn(fiveMinutesAgo)).entity();
      Instant after = Instant.now();

      assertThat(token.getExpiresAt())
          .isBetween(lowerBound(before, fiveMinutesAgo), after.plus(fiveMinutesAgo))
          .isBefore(Instant.now());
      assertThat(row(session, token.getId()).expiresAt().toInstant())
          .isEqualTo(token.getExpiresAt());
      assertThat(
              session
                  .createNativeQuery(
                      "select count(*) from refresh_tokens where expires_at < now()", Long.class)
                  .getSingleResult())
          .as("the database sees the token as expired")
          .isEqualTo(1L);
    }

    @Test
    void zeroDeltaExpiresNow(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member owner = members.create();

      Instant before = Instant.now();
      SessionToken token = tokens.create(owner, o -> o.expiresIn(Duration.ZERO)).entity();
      Instant after = Instant.now();

      assertThat(token.getExpiresAt()).isBetween(before.truncatedTo(ChronoUnit.MICROS), after);
    }

    @Test
    void optionsCombineInOneSentence(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      Duration hour = Duration.ofHours(1);

      Instant before = Instant.now();
      SessionToken token =
          tokens.create(owner, o -> o.expiresIn(Duration.ofHours(1)).revoked(true)).entity();
      Instant after = Instant.now();

      assertThat(token.isRevoked()).isTrue();
      assertThat(token.getExpiresAt()).isBetween(lowerBound(before, hour), after.plus(hour));
      Row row = row(session, token.getId());
      assertThat(row.revoked()).isTrue();
      assertThat(row.expiresAt().toInstant()).isEqualTo(token.getExpiresAt());

      SessionToken reversed =
          tokens.create(owner, o -> o.revoked(true).expiresIn(Duration.ofHours(1))).entity();
      assertThat(reversed.isRevoked()).isTrue();
      assertThat(reversed.getExpiresAt()).isAfterOrEqualTo(token.getExpiresAt());
    }

    @Test
    void theLastValueOfAnOptionWins(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member owner = members.create();
      Instant before = Instant.now();
      SessionToken token =
          tokens
              .create(
                  owner,
                  o ->
                      o.revoked(true)
                          .expiresIn(Duration.ofDays(30))
                          .revoked(false)
                          .expiresIn(Duration.ofMinutes(10)))
              .entity();
      Instant after = Instant.now();

      assertThat(token.isRevoked()).isFalse();
      assertThat(token.getExpiresAt())
          .isBetween(
              lowerBound(before, Duration.ofMinutes(10)), after.plus(Duration.ofMinutes(10)));
    }

    @Test
    void hasNoDigitsBelowMicroseconds(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      for (int i = 0; i < 100; i++) {
        Duration delta = Duration.ofNanos(1_000_000_007L * i + 123);
        SessionToken token = tokens.create(owner, o -> o.expiresIn(delta)).entity();
        assertThat(token.getExpiresAt().getNano() % 1000)
            .as("nanos of %s", token.getExpiresAt())
            .isZero();
        assertThat(row(session, token.getId()).expiresAt().toInstant())
            .isEqualTo(token.getExpiresAt());
      }
    }

    @Test
    void isTruncatedNotRoundedToMicroseconds(Factory<Member> members, Session session) {
      Clock clock = Clock.fixed(Instant.parse("2031-05-05T10:00:00.999999999Z"), ZoneOffset.UTC);
      RefreshTokenFactory<SessionToken> tokens =
          RefreshTokenFactory.of(session, SessionToken.class, clock);
      Member owner = members.create();

      SessionToken token = tokens.create(owner).entity();
      SessionToken later = tokens.create(owner, o -> o.expiresIn(Duration.ofNanos(999))).entity();

      assertThat(token.getExpiresAt()).isEqualTo(Instant.parse("2031-05-12T10:00:00.999999Z"));
      assertThat(later.getExpiresAt()).isEqualTo(Instant.parse("2031-05-05T10:00:01.000000Z"));
      assertThat(row(session, token.getId()).expiresAt().toInstant())
          .isEqualTo(Instant.parse("2031-05-12T10:00:00.999999Z"));
      assertThat(row(session, later.getId()).expiresAt().toInstant())
          .isEqualTo(Instant.parse("2031-05-05T10:00:01Z"));
    }

    @Test
    void usesALiveClockUnlessATestFreezesIt(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens)
        throws InterruptedException {
      Member owner = members.create();
      Instant first = tokens.create(owner).entity().getExpiresAt();
      Thread.sleep(20);
      Instant second = tokens.create(owner).entity().getExpiresAt();

      assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void theLatestInstantPostgresqlCanStoreIsAccepted(Factory<Member> members, Session session) {
      Instant now = Instant.parse("2030-01-01T00:00:00Z");
      Instant max = Instant.parse("+294276-12-31T23:59:59.999999Z");
      RefreshTokenFactory<SessionToken> tokens =
          RefreshTokenFactory.of(session, SessionToken.class, Clock.fixed(now, ZoneOffset.UTC));
      Member owner = members.create();

      SessionToken token =
          tokens.create(owner, o -> o.expiresIn(Duration.between(now, max))).entity();

      assertThat(token.getExpiresAt()).isEqualTo(max);
      assertThat(row(session, token.getId()).expiresAt().toInstant()).isEqualTo(max);
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  tokens.create(
                      owner,
                      o -> o.expiresIn(Duration.between(now, max).plus(Duration.ofNanos(1000)))))
          .withMessageContaining("expiresIn");
    }
  }

  @Nested
  class Revoked {

    @Test
    void isFalseByDefault(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      SessionToken token = tokens.create(members.create()).entity();

      assertThat(token.isRevoked()).isFalse();
      assertThat(row(session, token.getId()).revoked()).isFalse();
    }

    @Test
    void isTrueWhenAsked(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      SessionToken token = tokens.create(members.create(), o -> o.revoked(true)).entity();

      assertThat(token.isRevoked()).isTrue();
      assertThat(row(session, token.getId()).revoked()).isTrue();
    }

    @Test
    void canBeAskedForExplicitlyFalse(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      SessionToken token = tokens.create(members.create(), o -> o.revoked(false)).entity();

      assertThat(token.isRevoked()).isFalse();
      assertThat(row(session, token.getId()).revoked()).isFalse();
    }
  }

  @Nested
  class Persistence {

    @Test
    void tokenIsManagedByTheTestsOwnSessionAndBelongsToTheGivenMember(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member alice = members.create();
      members.create();

      IssuedToken<SessionToken> issued = tokens.create(alice);
      SessionToken token = issued.entity();

      assertThat(token.getId()).isNotNull();
      assertThat(session.contains(token)).isTrue();
      assertThat(token.getUser()).isSameAs(alice);
      assertThat(count(session, "refresh_tokens")).isEqualTo(1);
      assertThat(count(session, "members")).isEqualTo(2);
      assertThat(
              session
                  .createSelectionQuery(
                      "from SessionToken where tokenHash = :hash", SessionToken.class)
                  .setParameter("hash", sha256Hex(issued.raw()))
                  .getSingleResult())
          .isSameAs(token);
      assertThat(session.getTransaction().isActive()).isTrue();
    }

    @Test
    void otherFieldsAreFilledLikeAnyFactoryWould(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member owner = members.create();
      Set<String> agents = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        String agent = tokens.create(owner).entity().getUserAgent();
        assertThat(agent).isNotNull().hasSizeLessThanOrEqualTo(40);
        agents.add(agent);
      }
      assertThat(agents).hasSizeGreaterThan(1);
    }

    @Test
    void manyTokensCanShareOneOwner(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      for (int i = 0; i < 5; i++) {
        tokens.create(owner, o -> o.revoked(true));
      }
      assertThat(
              session
                  .createNativeQuery(
                      "select count(*) from refresh_tokens where user_id = :id", Long.class)
                  .setParameter("id", owner.getId())
                  .getSingleResult())
          .isEqualTo(5L);
    }

    @RepeatedTest(3)
    void everyTestStartsWithEmptyTables(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      assertThat(count(session, "refresh_tokens")).isZero();
      assertThat(count(session, "members")).isZero();

      tokens.create(members.create());
      tokens.create(members.create());

      assertThat(count(session, "refresh_tokens")).isEqualTo(2);
      assertThat(count(session, "members")).isEqualTo(2);
    }
  }

  @Nested
  class Owner {

    @Test
    void ofTheWrongTypeIsRejectedNamingBothTypes(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      SessionToken notAMember = tokens.create(members.create()).entity();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> tokens.create("alice@example.org"))
          .withMessageContaining(Member.class.getName())
          .withMessageContaining(String.class.getName());
      assertThatIllegalArgumentException()
          .isThrownBy(() -> tokens.create(notAMember, o -> o.revoked(true)))
          .withMessageContaining(Member.class.getName())
          .withMessageContaining(SessionToken.class.getName());
      assertThat(count(session, "refresh_tokens")).isEqualTo(1);
    }

    @Test
    void thatIsNullIsRejectedMentioningTheOwner(
        RefreshTokenFactory<SessionToken> tokens, Session session) {
      assertThatNullPointerException()
          .isThrownBy(() -> tokens.create(null))
          .withMessageContaining("owner");
      assertThatNullPointerException()
          .isThrownBy(() -> tokens.create(null, o -> o.revoked(true)))
          .withMessageContaining("owner");
      assertThat(count(session, "refresh_tokens")).isZero();
    }

    @Test
    void thatWasBuiltButNeverPersistedIsRejected(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member draft = members.build();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> tokens.create(draft))
          .withMessageMatching("(?s).*not (been )?persisted.*")
          .withMessageContaining(Member.class.getName());
      assertThat(count(session, "refresh_tokens")).isZero();
      assertThat(count(session, "members")).isZero();
    }

    @Test
    void thatWasDetachedStillWorksWithoutASecondMemberRow(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      session.detach(owner);

      SessionToken token = tokens.create(owner).entity();

      assertThat(token.getUser().getId()).isEqualTo(owner.getId());
      assertThat(row(session, token.getId()).userId()).isEqualTo(owner.getId());
      assertThat(count(session, "members")).isEqualTo(1);
      assertThat(count(session, "refresh_tokens")).isEqualTo(1);
    }

    @Test
    void thatIsADetachedProxyNeverLoadedIsUsedWithoutLoadingIt(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Long id = members.create().getId();
      session.flush();
      session.clear();
      Member proxy = session.getReference(Member.class, id);
      session.detach(proxy);
      assertThat(Hibernate.isInitialized(proxy)).as("a proxy that cannot load any more").isFalse();

      SessionToken token = tokens.create(proxy).entity();

      assertThat(token.getUser().getId()).isEqualTo(id);
      assertThat(session.contains(token.getUser())).isTrue();
      assertThat(row(session, token.getId()).userId()).isEqualTo(id);
      assertThat(count(session, "members")).isEqualTo(1);
    }

    @Test
    void whoseRowIsGoneIsRejectedAsNotPersisted(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      session.detach(owner);
      session
          .createNativeMutationQuery("delete from members where id = :id")
          .setParameter("id", owner.getId())
          .executeUpdate();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> tokens.create(owner))
          .withMessageMatching("(?s).*not (been )?persisted.*")
          .withMessageContaining(Member.class.getName())
          .withMessageContaining(String.valueOf(owner.getId()));
      assertThat(count(session, "refresh_tokens")).isZero();
    }

    @Test
    void afterTheSessionWasClearedStillWorks(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      String email = owner.getEmail();
      session.clear();

      SessionToken token = tokens.create(owner, o -> o.revoked(true)).entity();

      assertThat(session.contains(token)).isTrue();
      assertThat(token.getUser().getId()).isEqualTo(owner.getId());
      assertThat(token.getUser().getEmail()).isEqualTo(email);
      assertThat(count(session, "members")).isEqualTo(1);
      assertThat(row(session, token.getId()).userId()).isEqualTo(owner.getId());
    }

    @Test
    void thatIsAnUninitializedReferenceWorks(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Long id = members.create().getId();
      session.clear();
      Member reference = session.getReference(Member.class, id);

      SessionToken token = tokens.create(reference).entity();

      assertThat(token.getUser()).isSameAs(reference);
      assertThat(row(session, token.getId()).userId()).isEqualTo(id);
      assertThat(count(session, "members")).isEqualTo(1);
    }
  }

  @Nested
  class Options {

    @Test
    void expiresInNullIsRejected(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();

      assertThatNullPointerException()
          .isThrownBy(() -> tokens.create(owner, o -> o.expiresIn(null)))
          .withMessageContaining("expiresIn");
      assertThat(count(session, "refresh_tokens")).isZero();
    }

    @Test
    void nullOptionsAreRejected(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();

      assertThatNullPointerException()
          .isThrownBy(() -> tokens.create(owner, null))
          .withMessageContaining("options");
      assertThat(count(session, "refresh_tokens")).isZero();
    }

    @Test
    void aDurationThatOverflowsIsRejected(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();

      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> tokens.create(owner, o -> o.expiresIn(Duration.ofSeconds(Long.MAX_VALUE))))
          .withMessageContaining("expiresIn");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> tokens.create(owner, o -> o.expiresIn(Duration.ofSeconds(Long.MIN_VALUE))))
          .withMessageContaining("expiresIn");
      assertThat(count(session, "refresh_tokens")).isZero();
    }

    @Test
    void aDurationBeyondPostgresqlsRangeIsRejected(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> tokens.create(owner, o -> o.expiresIn(Duration.ofDays(365L * 300_000))))
          .withMessageContaining("expiresIn");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> tokens.create(owner, o -> o.expiresIn(Duration.ofDays(-365L * 10_000))))
          .withMessageContaining("expiresIn");
      assertThat(count(session, "refresh_tokens")).isZero();
    }
  }

  @Nested
  class OutsideInjection {

    @Test
    void ofSessionPersistsInThatSession(Factory<Member> members, Session session) {
      RefreshTokenFactory<SessionToken> tokens =
          RefreshTokenFactory.of(session, SessionToken.class);
      Member owner = members.create();

      Instant before = Instant.now();
      IssuedToken<SessionToken> issued = tokens.create(owner, o -> o.revoked(true));
      Instant after = Instant.now();

      SessionToken token = issued.entity();
      assertThat(session.contains(token)).isTrue();
      assertThat(token.getUser()).isSameAs(owner);
      assertThat(token.getTokenHash()).isEqualTo(sha256Hex(issued.raw()));
      assertThat(token.getExpiresAt())
          .isBetween(lowerBound(before, SEVEN_DAYS), after.plus(SEVEN_DAYS));
      assertThat(token.isRevoked()).isTrue();
      assertThat(row(session, token.getId()).tokenHash()).isEqualTo(token.getTokenHash());
    }

    @Test
    void ofAnEntityManagerUsesTheSamePersistenceContext(
        Factory<Member> members, EntityManager entityManager, Session session) {
      RefreshTokenFactory<SessionToken> tokens =
          RefreshTokenFactory.of(entityManager, SessionToken.class);

      SessionToken token = tokens.create(members.create()).entity();

      assertThat(entityManager.contains(token)).isTrue();
      assertThat(session.contains(token)).isTrue();
      assertThat(count(session, "refresh_tokens")).isEqualTo(1);
    }

    @Test
    void ofAnEntityWithoutTokenFieldsListsEveryMissingRole(Session session) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RefreshTokenFactory.of(session, Member.class))
          .withMessageContaining(Member.class.getName())
          .withMessageContaining("owner")
          .withMessageContaining("hash")
          .withMessageContaining("tokenHash")
          .withMessageContaining("family")
          .withMessageContaining("familyId")
          .withMessageContaining("expiresAt")
          .withMessageContaining("revoked")
          .withMessageContaining("isRevoked");
    }

    @Test
    void ofAnEntityWithMistypedRoleFieldsNamesEachType(Session session) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RefreshTokenFactory.of(session, MistypedToken.class))
          .withMessageContaining(MistypedToken.class.getName())
          .withMessageContaining("familyId")
          .withMessageContaining("Long")
          .withMessageContaining("expiresAt")
          .withMessageContaining("String")
          .withMessageContaining("revoked")
          .withMessageContaining("int");
    }

    @Test
    void ofAnEntityWhoseHashColumnIsTooShortIsRejected(Session session) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RefreshTokenFactory.of(session, ShortHashToken.class))
          .withMessageContaining(ShortHashToken.class.getName())
          .withMessageContaining("tokenHash")
          .withMessageContaining("length 32")
          .withMessageContaining("64");
    }

    @Test
    void ofRejectsNullArguments(Session session) {
      assertThatNullPointerException()
          .isThrownBy(() -> RefreshTokenFactory.of(null, SessionToken.class));
      assertThatNullPointerException()
          .isThrownBy(() -> RefreshTokenFactory.of(session, (Class<SessionToken>) null));
      assertThatNullPointerException()
          .isThrownBy(() -> RefreshTokenFactory.of(session, SessionToken.class, null));
    }
  }

  @Nested
  class Injection {

    @Test
    void ofAFactoryForAnEntityThatIsNotATokenFailsNamingTheEntityAndTheMissingRoles() {
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .selectors(DiscoverySelectors.selectClass(InjectsNonTokens.class))
              .configurationParameter(TokenChecks.OnlyInEngineTestKit.KEY, "true")
              .execute();

      results.testEvents().assertStatistics(stats -> stats.started(2).failed(2).succeeded(0));
      Map<String, Throwable> failures =
          results.testEvents().executions().failed().stream()
              .collect(
                  Collectors.toMap(
                      RefreshTokenFactoryTest::methodName,
                      e ->
                          e.getTerminationInfo()
                              .getExecutionResult()
                              .getThrowable()
                              .orElseThrow()));

      assertThat(failures.get("notAToken"))
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessageContaining(NotAToken.class.getName())
          .hasMessageContaining("owner")
          .hasMessageContaining("tokenHash")
          .hasMessageContaining("familyId")
          .hasMessageContaining("expiresAt")
          .hasMessageContaining("revoked");
      assertThat(failures.get("shortHash"))
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessageContaining(ShortHashToken.class.getName())
          .hasMessageContaining("length 32")
          .hasMessageContaining("64");
    }
  }

  private static String methodName(Execution execution) {
    return execution
        .getTestDescriptor()
        .getSource()
        .filter(MethodSource.class::isInstance)
        .map(source -> ((MethodSource) source).getMethodName())
        .orElseThrow();
  }

  /** Asks for token factories of entities that are not tokens; run only by {@link Injection}. */
  @FixtureTest(entities = {Member.class, NotAToken.class, ShortHashToken.class})
  @ExtendWith(TokenChecks.OnlyInEngineTestKit.class)
  static class InjectsNonTokens {

    @Test
    void notAToken(RefreshTokenFactory<NotAToken> tokens) {}

    @Test
    void shortHash(RefreshTokenFactory<ShortHashToken> tokens) {}
  }

  @Nested
  class Issued {

    @Test
    void toStringNeverShowsTheRawToken(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member owner = members.create();
      for (int i = 0; i < 50; i++) {
        IssuedToken<SessionToken> issued = tokens.create(owner);
        assertThat(issued.toString()).doesNotContain(issued.raw());
        assertThat(issued.raw()).isNotBlank();
      }
    }

    @Test
    void hasBothParts(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      IssuedToken<SessionToken> issued = tokens.create(members.create());

      assertThat(issued.entity()).isNotNull();
      assertThat(issued.raw()).isNotNull();
      assertThatThrownBy(() -> new IssuedToken<>(null, "raw"))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new IssuedToken<>(issued.entity(), null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
