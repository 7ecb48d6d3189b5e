package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.Factory;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.tokens.schemas.Hashes;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsBrokenToken;
import io.github.fixturekit.tokens.schemas.TsFixtureTest;
import io.github.fixturekit.tokens.schemas.TsLegacyToken;
import io.github.fixturekit.tokens.schemas.TsScarceToken;
import io.github.fixturekit.tokens.schemas.TsUser;
import io.github.fixturekit.tokens.schemas.TsWebToken;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Token schemas that do not use fixturekit's names, on real PostgreSQL. */
@TsFixtureTest
@TokenMapping(
    entity = TsLegacyToken.class,
    hash = "digest",
    family = "chain",
    expiresAt = "validUntil",
    revoked = "disabled",
    issuedAt = "issuedOn")
class TokenMappingTest {

  static final Instant NOW = Instant.parse("2030-05-01T10:00:00.123456789Z");
  static final Instant NOW_MICROS = NOW.truncatedTo(ChronoUnit.MICROS);

  static Object[] row(Session session, String sql, Object id) {
    return session.createNativeQuery(sql, Object[].class).setParameter("id", id).getSingleResult();
  }

  @Nested
  class IdColumnOwnerOffsetDateTimeExpiryAndRevokedAt {

    @Test
    void areFoundByConvention(
        Factory<TsUser> users,
        RefreshTokenFactory<TsApiToken> tokens,
        TestClock clock,
        Session session)
        throws Exception {
      clock.freezeAt(NOW);
      TsUser alice = users.create();

      IssuedToken<TsApiToken> issued = tokens.create(alice);

      TsApiToken token = issued.entity();
      assertThat(token.getUserId()).isEqualTo(alice.getId());
      assertThat(token.getTokenHash()).isEqualTo(Hashes.sha256Hex(issued.raw()));
      assertThat(token.getExpiresAt())
          .isEqualTo(NOW_MICROS.plus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
      assertThat(token.getRevokedAt()).isNull();
      assertThat(token.getIssuedAt()).isEqualTo(NOW_MICROS);
      Object[] stored =
          row(
              session,
              "select user_id, expires_at, revoked_at, issued_at from ts_api_tokens where id = :id",
              token.getId());
      assertThat(stored[0]).isEqualTo(alice.getId());
      assertThat(toInstant(stored[1])).isEqualTo(NOW_MICROS.plus(7, ChronoUnit.DAYS));
      assertThat(stored[2]).isNull();
      assertThat(toInstant(stored[3])).isEqualTo(NOW_MICROS);
    }

    @Test
    void revokedMeansStampedWithNow(
        Factory<TsUser> users,
        RefreshTokenFactory<TsApiToken> tokens,
        TestClock clock,
        Session session) {
      clock.freezeAt(NOW);
      TsUser alice = users.create();

      IssuedToken<TsApiToken> issued = tokens.create(alice, o -> o.revoked(true));

      assertThat(issued.entity().getRevokedAt()).isEqualTo(NOW_MICROS.atOffset(ZoneOffset.UTC));
      Object[] stored =
          row(
              session,
              "select revoked_at, 1 from ts_api_tokens where id = :id",
              issued.entity().getId());
      assertThat(toInstant(stored[0])).isEqualTo(NOW_MICROS);
    }

    @Test
    void theOwnerMayBeGivenAsItsId(Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
      TsUser bob = users.create();

      IssuedToken<TsApiToken> issued = tokens.create(bob.getId());

      assertThat(issued.entity().getUserId()).isEqualTo(bob.getId());
    }

    @Test
    void anOwnerThatIsNeitherAnEntityNorAnIdIsRefused(RefreshTokenFactory<TsApiToken> tokens) {
      assertThatThrownBy(() -> tokens.create("alice"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "owner of [TsApiToken] goes into the id column 'userId' (Long): pass the owner entity"
                  + " or its id, but a [java.lang.String] was passed");
    }
  }

  @Nested
  class OnTheTestClass {

    @Test
    void mapsEveryRoleAndReadsLocalDateTimeAsUtc(
        Factory<TsUser> users,
        RefreshTokenFactory<TsLegacyToken> tokens,
        TestClock clock,
        Session session)
        throws Exception {
      clock.freezeAt(NOW);
      TsUser alice = users.create();

      IssuedToken<TsLegacyToken> issued = tokens.create(alice, o -> o.revoked(true));

      TsLegacyToken token = issued.entity();
      assertThat(token.getAccount()).isSameAs(alice);
      assertThat(token.getDigest()).isEqualTo(Hashes.sha256Hex(issued.raw()));
      assertThat(UUID.fromString(token.getChain())).isNotNull();
      assertThat(token.getValidUntil())
          .isEqualTo(LocalDateTime.ofInstant(NOW_MICROS.plus(7, ChronoUnit.DAYS), ZoneOffset.UTC));
      assertThat(token.isDisabled()).isTrue();
      assertThat(token.getIssuedOn().toInstant()).isEqualTo(NOW_MICROS);
      Object[] stored =
          row(
              session,
              "select valid_until, disabled from ts_legacy_tokens where id = :id",
              token.getId());
      // Hibernate 6.6 returns a timestamp column of a native query as java.sql.Timestamp, 7 as
      // LocalDateTime
      Object validUntil =
          stored[0] instanceof java.sql.Timestamp t ? t.toLocalDateTime() : stored[0];
      assertThat(validUntil)
          .isEqualTo(LocalDateTime.ofInstant(NOW_MICROS.plus(7, ChronoUnit.DAYS), ZoneOffset.UTC));
      assertThat(stored[1]).isEqualTo(true);
    }

    @Test
    @TokenMapping(
        entity = TsLegacyToken.class,
        hash = "digest",
        family = "chain",
        expiresAt = "validUntil",
        revoked = "disabled",
        hashing = TokenMapping.Hashing.HMAC_SHA256_HEX,
        hmacKey = "method-key")
    void theTestMethodWinsOverTheClass(
        Factory<TsUser> users, RefreshTokenFactory<TsLegacyToken> tokens) throws Exception {
      IssuedToken<TsLegacyToken> issued = tokens.create(users.create());

      assertThat(issued.entity().getDigest())
          .isEqualTo(HexFormat.of().formatHex(Hashes.hmac("method-key", issued.raw())));
    }

    @Test
    void theParameterWinsOverTheClass(
        Factory<TsUser> users,
        @TokenMapping(
                hash = "digest",
                family = "chain",
                expiresAt = "validUntil",
                revoked = "disabled",
                hashing = TokenMapping.Hashing.SHA256_BASE64URL)
            RefreshTokenFactory<TsLegacyToken> tokens)
        throws Exception {
      IssuedToken<TsLegacyToken> issued = tokens.create(users.create());

      assertThat(issued.entity().getDigest()).isEqualTo(Hashes.sha256Base64Url(issued.raw()));
    }
  }

  @Nested
  class Hashing {

    @Test
    void hmacSha256HexWithTheConfiguredKey(
        Factory<TsUser> users,
        @TokenMapping(hashing = TokenMapping.Hashing.HMAC_SHA256_HEX, hmacKey = "test-key-1")
            RefreshTokenFactory<TsApiToken> tokens)
        throws Exception {
      IssuedToken<TsApiToken> issued = tokens.create(users.create());

      assertThat(issued.entity().getTokenHash())
          .isEqualTo(HexFormat.of().formatHex(Hashes.hmac("test-key-1", issued.raw())))
          .isNotEqualTo(Hashes.sha256Hex(issued.raw()));
    }

    @Test
    void hmacSha256Base64Url(
        Factory<TsUser> users,
        @TokenMapping(hashing = TokenMapping.Hashing.HMAC_SHA256_BASE64URL, hmacKey = "k")
            RefreshTokenFactory<TsApiToken> tokens)
        throws Exception {
      IssuedToken<TsApiToken> issued = tokens.create(users.create());

      assertThat(issued.entity().getTokenHash())
          .isEqualTo(
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(Hashes.hmac("k", issued.raw())))
          .hasSize(43);
    }

    @Test
    void sha256Base64UrlChosenOnTheEntityFitsAShortColumn(
        Factory<TsUser> users, RefreshTokenFactory<TsWebToken> tokens) throws Exception {
      IssuedToken<TsWebToken> issued = tokens.create(users.create());

      assertThat(issued.entity().getTokenHash())
          .isEqualTo(Hashes.sha256Base64Url(issued.raw()))
          .hasSize(43);
      assertThat(issued.entity().getRevoked()).isFalse();
      assertThat(UUID.fromString(issued.entity().getFamilyId())).isNotNull();
      assertThat(issued.entity().getExpiresAt().getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aHashLongerThanItsColumnIsRefusedBeforeAnyInsert(Session session) {
      assertThatThrownBy(() -> RefreshTokenFactory.of(session, TsWebToken.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "hash: column of [tokenHash] has length 43, too short for a 64-character SHA-256 hex"
                  + " hash; use @Column(length = 64) or more");
    }

    @Test
    void aUserFunctionWhoseHashesDoNotFitIsRefused(Session session) {
      TokenSchema<TsApiToken> schema =
          TokenSchema.of(TsApiToken.class).hashing(raw -> "x".repeat(80));

      assertThatThrownBy(() -> RefreshTokenFactory.of(session, schema))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "hash: column of [tokenHash] has length 64, too short for the 80-character hashes of its"
                  + " mapping; use @Column(length = 80) or more");
    }

    @Test
    void aUserFunction(
        Factory<TsUser> users,
        @TokenMapping(hasher = Reversed.class) RefreshTokenFactory<TsApiToken> tokens) {
      IssuedToken<TsApiToken> issued = tokens.create(users.create());

      assertThat(issued.entity().getTokenHash())
          .isEqualTo(new StringBuilder(issued.raw()).reverse().toString());
    }

    @Test
    void aUserFunctionInCode(Factory<TsUser> users, Session session) {
      RefreshTokenFactory<TsApiToken> tokens =
          RefreshTokenFactory.of(
              session, TokenSchema.of(TsApiToken.class).hashing(raw -> "h:" + raw));

      IssuedToken<TsApiToken> issued = tokens.create(users.create());

      assertThat(issued.entity().getTokenHash()).isEqualTo("h:" + issued.raw());
    }

    @Test
    void aUserFunctionThatGivesNoHashIsRefusedBeforeAnyInsert(Session session) {
      for (TokenHashing nothing : List.<TokenHashing>of(raw -> "", raw -> null)) {
        TokenSchema<TsApiToken> schema = TokenSchema.of(TsApiToken.class).hashing(nothing);

        assertThatThrownBy(() -> RefreshTokenFactory.of(session, schema))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("[TsApiToken]")
            .hasMessageContaining("returned no hash; a hashing must return the value to store");
      }
    }

    @Test
    void aHasherWithoutAPublicConstructorIsRefused() {
      TokenMapping mapping = WithoutConstructor.class.getAnnotation(TokenMapping.class);

      assertThatThrownBy(() -> TokenSchema.of(TsApiToken.class, mapping))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "hasher [" + Private.class.getName() + "] in the token mapping of [TsApiToken]")
          .hasMessageEndingWith("; give it a public no-argument constructor");
    }

    @Test
    void aHasherWhoseConstructorThrowsIsRefusedWithItsReason() {
      TokenMapping mapping = WithFailingConstructor.class.getAnnotation(TokenMapping.class);

      assertThatThrownBy(() -> TokenSchema.of(TsApiToken.class, mapping))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("hasher [" + Failing.class.getName() + "]")
          .hasMessageContaining("could not be created (java.lang.IllegalStateException: no key)");
    }

    @Test
    void theRawSizeInBytes(
        Factory<TsUser> users,
        @TokenMapping(rawBytes = 16) RefreshTokenFactory<TsApiToken> tokens) {
      IssuedToken<TsApiToken> issued = tokens.create(users.create());

      assertThat(issued.raw()).matches("[A-Za-z0-9_-]{22}");
      assertThat(Base64.getUrlDecoder().decode(issued.raw())).hasSize(16);
    }

    @Test
    void aRawSizeOutOfRangeIsRefused() {
      assertThatThrownBy(() -> TokenSchema.of(TsApiToken.class).rawBytes(4))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "rawBytes [4] in the token mapping of [TsApiToken] must be between 8 and 1024");
      assertThatThrownBy(() -> TokenSchema.of(TsApiToken.class).rawBytes(7))
          .hasMessageStartingWith("rawBytes [7] in the token mapping");
      assertThatThrownBy(() -> TokenSchema.of(TsApiToken.class).rawBytes(1025))
          .hasMessageStartingWith("rawBytes [1025] in the token mapping");
    }

    @Test
    void theRawSizeLimitsThemselvesAreAllowed() {
      assertThat(TokenSchema.of(TsApiToken.class).rawBytes(8).rawBytesCount()).isEqualTo(8);
      assertThat(TokenSchema.of(TsApiToken.class).rawBytes(1024).rawBytesCount()).isEqualTo(1024);
    }

    @Test
    void aSchemaNamesItsTokenTypeWhenPrinted() {
      assertThat(TokenSchema.of(TsApiToken.class)).hasToString("TokenSchema[TsApiToken]");
    }

    @Test
    void anOwnerTypeThatIsNotAnEntityIsRefused() {
      assertThatThrownBy(
              () -> TokenFieldMapping.of(TokenSchema.of(TsApiToken.class).ownerType(String.class)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "ownerType [java.lang.String] in the token mapping of [TsApiToken] is not a JPA @Entity;"
                  + " name the owner's entity class");
      assertThat(
              TokenFieldMapping.of(TokenSchema.of(TsApiToken.class).ownerType(TsUser.class))
                  .ownerType())
          .isEqualTo(TsUser.class);
    }

    @Test
    void anHmacWithoutKeyIsRefused() throws Exception {
      TokenMapping mapping =
          Hashing.class
              .getDeclaredMethod("keyless", Object.class)
              .getParameters()[0]
              .getAnnotation(TokenMapping.class);

      assertThatThrownBy(() -> TokenSchema.of(TsApiToken.class, mapping))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "hashing [HMAC_SHA256_HEX] in the token mapping of [TsApiToken] needs a key: set hmacKey"
                  + " to the key the code under test is configured with");
    }

    @SuppressWarnings("unused")
    private void keyless(
        @TokenMapping(hashing = TokenMapping.Hashing.HMAC_SHA256_HEX) Object parameter) {}
  }

  /** A user hash function. */
  public static final class Private implements TokenHashing {
    private Private() {}

    @Override
    public String hash(String raw) {
      return raw;
    }
  }

  public static final class Failing implements TokenHashing {
    public Failing() {
      throw new IllegalStateException("no key");
    }

    @Override
    public String hash(String raw) {
      return raw;
    }
  }

  @TokenMapping(hasher = Private.class)
  static final class WithoutConstructor {}

  @TokenMapping(hasher = Failing.class)
  static final class WithFailingConstructor {}

  public static final class Reversed implements TokenHashing {
    @Override
    public String hash(String raw) {
      return new StringBuilder(raw).reverse().toString();
    }
  }

  @Nested
  class Incomplete {

    static final String BROKEN_MESSAGE =
        """
        [io.github.fixturekit.tokens.schemas.TsBrokenToken] does not look like a refresh token entity:
          - hash: no field named 'tokenHash' of type String
          - expiresAt: no field named 'expiresAt' of type Instant or LocalDateTime or OffsetDateTime or ZonedDateTime
        A token entity needs an owner association (its single @ManyToOne, or a field named 'user' or 'owner'), \
        a String 'tokenHash', a UUID or String 'familyId', an 'expiresAt' (Instant, OffsetDateTime, ZonedDateTime \
        or LocalDateTime) and a boolean 'revoked' or 'isRevoked'. Rename the fields, or use Factory<TsBrokenToken> \
        for plain rows.
        The owner may also be an id column ('userId', 'ownerId'), and revocation a timestamp 'revokedAt'. \
        To keep other names, map them on the test class or the RefreshTokenFactory parameter:
          @TokenMapping(entity = TsBrokenToken.class, hash = "secretDigest", expiresAt = "deadline")
        or with FixtureExtension.builder().tokenMapping(TokenSchema.of(TsBrokenToken.class)...).""";

    @Test
    void listsEachUnmappedRoleAndTheAnnotationThatFixesIt(Session session) {
      assertThatThrownBy(() -> RefreshTokenFactory.of(session, TsBrokenToken.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(BROKEN_MESSAGE);
    }

    @Test
    void aFieldIsSuggestedForOneRoleOnly() {
      assertThatThrownBy(() -> TokenFieldMapping.of(TsScarceToken.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "@TokenMapping(entity = TsScarceToken.class, hash = \"digest\", family = \"<field>\","
                  + " expiresAt = \"validUntil\", revoked = \"<field>\")");
    }

    @Test
    void aMappingForAnotherEntityIsRefused() throws Exception {
      TokenMapping mapping =
          Incomplete.class
              .getDeclaredMethod("forLegacy", Object.class)
              .getParameters()[0]
              .getAnnotation(TokenMapping.class);

      assertThatThrownBy(() -> TokenSchema.of(TsApiToken.class, mapping))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "@TokenMapping(entity = TsLegacyToken.class) cannot map"
                  + " [io.github.fixturekit.tokens.schemas.TsApiToken]; set entity = TsApiToken.class, or"
                  + " leave entity unset");
    }

    @SuppressWarnings("unused")
    private void forLegacy(@TokenMapping(entity = TsLegacyToken.class) Object parameter) {}

    @Test
    void theSuggestedAnnotationWorks(
        Factory<TsUser> users,
        @TokenMapping(entity = TsBrokenToken.class, hash = "secretDigest", expiresAt = "deadline")
            RefreshTokenFactory<TsBrokenToken> tokens) {
      assertThat(tokens.create(users.create()).entity().getId()).isNotNull();
    }

    @Test
    void aMappedFieldThatDoesNotExist(Session session) {
      assertThatThrownBy(
              () -> RefreshTokenFactory.of(session, TokenSchema.of(TsApiToken.class).hash("digst")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "  - hash: the mapping names field [digst], which [TsApiToken] does not have; its"
                  + " persistent fields are [id, userId, tokenHash, familyId, expiresAt, revokedAt, issuedAt, device]")
          .hasMessageContaining(
              "@TokenMapping(entity = TsApiToken.class, hash = \"<tokenHash|device>\")");
    }

    @Test
    void aFieldOfTheWrongType(Session session) {
      assertThatThrownBy(
              () ->
                  RefreshTokenFactory.of(
                      session, TokenSchema.of(TsApiToken.class).expiresAt("device")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "  - expiresAt: field [device] is String, expected Instant or LocalDateTime or OffsetDateTime or ZonedDateTime");
    }

    @Test
    void oneFieldForTwoRoles(Session session) {
      assertThatThrownBy(
              () ->
                  RefreshTokenFactory.of(
                      session, TokenSchema.of(TsApiToken.class).family("tokenHash")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "  - family: field [tokenHash] is already mapped as hash; each role needs a field of its own");
    }

    @Test
    void reachesTheTestAsAParameterResolutionError() {
      Events events =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter(Scenario.PARAMETER, "true")
              .selectors(selectClass(BrokenParameter.class))
              .execute()
              .testEvents();

      events.assertStatistics(s -> s.started(1).failed(1));
      Throwable failure =
          events.failed().stream()
              .findFirst()
              .orElseThrow()
              .getPayload(TestExecutionResult.class)
              .orElseThrow()
              .getThrowable()
              .orElseThrow();
      assertThat(failure)
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessage("[RefreshTokenFactory<TsBrokenToken>] cannot be provided: " + BROKEN_MESSAGE);
    }
  }

  @Scenario
  @TsFixtureTest
  static class BrokenParameter {
    @Test
    void asksForAnUnmappableFactory(RefreshTokenFactory<TsBrokenToken> tokens) {}
  }

  static Instant toInstant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return (Instant) value;
  }
}
