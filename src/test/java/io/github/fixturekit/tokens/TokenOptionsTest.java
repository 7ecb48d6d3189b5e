package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.schemas.Hashes;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsFixtureTest;
import io.github.fixturekit.tokens.schemas.TsUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The options beyond revoked and expiresIn, on real PostgreSQL. */
@TsFixtureTest
class TokenOptionsTest {

  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  static long count(Session session, String sql) {
    return session.createNativeQuery(sql, Long.class).getSingleResult();
  }

  @Nested
  class ExpiresAt {

    @Test
    void isAbsoluteWhateverTheClockSays(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, TestClock clock) {
      clock.freezeAt(NOW);
      Instant at = Instant.parse("2029-06-15T08:30:00.1234567Z");

      IssuedToken<SessionToken> issued = tokens.create(members.create(), o -> o.expiresAt(at));

      assertThat(issued.entity().getExpiresAt()).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void theLastOfExpiresAtAndExpiresInWins(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, TestClock clock) {
      clock.freezeAt(NOW);
      Member alice = members.create();

      SessionToken relative =
          tokens
              .create(alice, o -> o.expiresAt(NOW.plusSeconds(5)).expiresIn(Duration.ofHours(1)))
              .entity();
      SessionToken absolute =
          tokens
              .create(alice, o -> o.expiresIn(Duration.ofHours(1)).expiresAt(NOW.plusSeconds(5)))
              .entity();

      assertThat(relative.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
      assertThat(absolute.getExpiresAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void outsidePostgresRangeIsRefused(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();

      assertThatThrownBy(() -> tokens.create(alice, o -> o.expiresAt(Instant.MAX)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "expiresAt [+1000000000-12-31T23:59:59.999999999Z] is outside the range PostgreSQL can"
                  + " store (4713 BC to 294276 AD)");
    }
  }

  @Nested
  class FamilyId {

    @Test
    void joinsAnExistingFamily(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();
      IssuedToken<SessionToken> first = tokens.create(alice);

      IssuedToken<SessionToken> second =
          tokens.create(alice, o -> o.familyId(first.entity().getFamilyId()));

      assertThat(second.entity().getFamilyId()).isEqualTo(first.entity().getFamilyId());
    }

    @Test
    void isStoredAsTextInAStringColumn(
        Factory<TsUser> users,
        RefreshTokenFactory<io.github.fixturekit.tokens.schemas.TsWebToken> tokens) {
      UUID family = UUID.randomUUID();

      assertThat(tokens.create(users.create(), o -> o.familyId(family)).entity().getFamilyId())
          .isEqualTo(family.toString());
    }
  }

  @Nested
  class Raw {

    @Test
    void isStoredOnlyAsItsHash(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session)
        throws Exception {
      IssuedToken<SessionToken> issued =
          tokens.create(members.create(), o -> o.raw("known-token.1~x"));

      assertThat(issued.raw()).isEqualTo("known-token.1~x");
      assertThat(issued.entity().getTokenHash()).isEqualTo(Hashes.sha256Hex("known-token.1~x"));
      assertThat(
              count(session, "select count(*) from refresh_tokens where token_hash like '%known%'"))
          .isZero();
    }

    @Test
    void mustNotBeBlank() {
      TokenOptions options = new TokenOptions();

      assertThatThrownBy(() -> options.raw("  "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "raw must not be blank: pass a URL-safe value such as \"test-token-1\", or leave it unset for"
                  + " a random token");
      assertThatThrownBy(() -> options.raw(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void mustBeUrlSafeAndTheErrorDoesNotRepeatIt() {
      TokenOptions options = new TokenOptions();

      assertThatThrownBy(() -> options.raw("secret/value+1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "raw token is not URL-safe: the character at index [6] is not a letter, digit or one of"
                  + " - . _ ~; a client sends refresh tokens in URLs, headers and forms, so use only those"
                  + " characters")
          .message()
          .doesNotContain("secret");
    }

    @Test
    void aDuplicateNamesTheUniqueColumnAndLeavesTheTransactionUsable(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member alice = members.create();
      tokens.create(alice, o -> o.raw("duplicate-raw-token"));

      assertThatThrownBy(() -> tokens.create(alice, o -> o.raw("duplicate-raw-token")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "raw token [dupl****] is already in use: unique column [refresh_tokens.token_hash] of"
                  + " [SessionToken] already holds its hash, and a hash must identify one token. Pass"
                  + " another raw value, or leave raw unset for a random token");

      tokens.create(alice, o -> o.raw("another-raw-token"));
      assertThat(count(session, "select count(*) from refresh_tokens")).isEqualTo(2);
    }

    @Test
    void aDuplicateInAnotherSchemaNamesItsColumn(
        Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
      TsUser alice = users.create();
      tokens.create(alice, o -> o.raw("abc-123-def"));

      assertThatThrownBy(() -> tokens.create(alice, o -> o.raw("abc-123-def")))
          .hasMessageStartingWith(
              "raw token [abc-****] is already in use: unique column [ts_api_tokens.token_hash]");
    }
  }

  @Nested
  class IssuedAt {

    @Test
    void isNowWhenTheEntityHasTheField(
        Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens, TestClock clock) {
      clock.freezeAt(NOW);

      assertThat(tokens.create(users.create()).entity().getIssuedAt()).isEqualTo(NOW);
    }

    @Test
    void canBeGiven(Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
      Instant at = Instant.parse("2020-02-29T12:00:00Z");

      assertThat(tokens.create(users.create(), o -> o.issuedAt(at)).entity().getIssuedAt())
          .isEqualTo(at);
    }

    @Test
    void isRefusedWhenTheEntityHasNoSuchField(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();

      assertThatThrownBy(() -> tokens.create(alice, o -> o.issuedAt(NOW)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "issuedAt was given, but [io.github.fixturekit.model.SessionToken] has no issue-time field;"
                  + " name one with @TokenMapping(issuedAt = \"...\"), or drop the option");
    }
  }

  @Test
  void toStringMasksAShortGivenRawWhole(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
    IssuedToken<SessionToken> issued = tokens.create(members.create(), o -> o.raw("abcdefgh"));

    assertThat(issued.toString()).contains("raw=****").doesNotContain("abcd");
  }
}
