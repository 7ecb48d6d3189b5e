package io.github.fixturekit.assertj;

import static io.github.fixturekit.assertj.FixtureAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FrozenClock;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import io.github.fixturekit.tokens.TokenMapping;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsFixtureTest;
import io.github.fixturekit.tokens.schemas.TsUser;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The AssertJ assertions on issued tokens: each passes when it should, and fails saying why. */
@TsFixtureTest
@FrozenClock("2030-01-01T00:00:00Z")
class FixtureAssertionsTest {

  @Nested
  class IsActive {

    @Test
    void passesForAFreshToken(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      assertThat(tokens.create(members.create())).isActive();
    }

    @Test
    void failsForARevokedToken(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      IssuedToken<SessionToken> issued = tokens.create(members.create(), o -> o.revoked(true));

      assertThatThrownBy(() -> assertThat(issued).isActive())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "to be active at 2030-01-01T00:00:00Z (not revoked, expiring after now)")
          .hasMessageContaining("but it is revoked (SessionToken.isRevoked)");
    }

    @Test
    void failsForAnExpiredToken(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      IssuedToken<SessionToken> issued =
          tokens.create(members.create(), o -> o.expiresIn(Duration.ofMinutes(-5)));

      assertThatThrownBy(() -> assertThat(issued).isActive())
          .hasMessageContaining("to be active at 2030-01-01T00:00:00Z (expiring after now)")
          .hasMessageContaining("but it expired at 2029-12-31T23:55:00Z (PT5M ago)");
    }
  }

  @Nested
  class IsExpired {

    @Test
    void isJudgedOnTheTestClock(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, TestClock clock) {
      IssuedToken<SessionToken> issued =
          tokens.create(members.create(), o -> o.expiresIn(Duration.ofHours(1)));
      clock.advance(Duration.ofHours(1).minusNanos(1_000));

      assertThatThrownBy(() -> assertThat(issued).isExpired())
          .hasMessageContaining(
              "to be expired at 2030-01-01T00:59:59.999999Z (expiry at or before now)")
          .hasMessageContaining("but it expires at 2030-01-01T01:00:00Z (in PT0.000001S)");
      assertThat(issued).isActive();

      clock.advance(Duration.ofNanos(1_000));
      assertThat(issued).isExpired();
      assertThatThrownBy(() -> assertThat(issued).isActive())
          .hasMessageContaining("but it expired at");
    }
  }

  @Nested
  class IsRevoked {

    @Test
    void readsAFlag(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      IssuedToken<SessionToken> active = tokens.create(members.create());
      IssuedToken<SessionToken> successor = tokens.rotate(active);

      assertThat(active).isRevoked();
      assertThatThrownBy(() -> assertThat(successor).isRevoked())
          .hasMessageContaining("to be revoked")
          .hasMessageContaining("but SessionToken.isRevoked says it is not");
    }

    @Test
    void readsARevokedAtTimestamp(Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
      List<IssuedToken<TsApiToken>> chain = tokens.family(users.create(), 2);

      assertThat(chain.get(0)).isRevoked();
      assertThatThrownBy(() -> assertThat(chain.get(1)).isRevoked())
          .hasMessageContaining("but TsApiToken.revokedAt says it is not");
    }
  }

  @Nested
  class HasRawMatchingStoredHash {

    @Test
    void usesTheMappingsHashing(
        Factory<TsUser> users,
        @TokenMapping(hashing = TokenMapping.Hashing.HMAC_SHA256_HEX, hmacKey = "k")
            RefreshTokenFactory<TsApiToken> tokens) {
      assertThat(tokens.create(users.create())).hasRawMatchingStoredHash();
    }

    @Test
    void failsShowingBothHashesAndNotTheRawToken(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      IssuedToken<SessionToken> issued = tokens.create(members.create());
      String expected = issued.entity().getTokenHash();
      session
          .createNativeMutationQuery("update refresh_tokens set token_hash = :h where id = :id")
          .setParameter("h", "0".repeat(64))
          .setParameter("id", issued.entity().getId())
          .executeUpdate();
      session.refresh(issued.entity());

      Throwable failure =
          Assertions.catchThrowable(() -> assertThat(issued).hasRawMatchingStoredHash());

      Assertions.assertThat(failure)
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("Expecting SessionToken.tokenHash of token")
          .hasMessageContaining(
              "to be the hash of its raw value:%n  %s%nbut was:%n  %s"
                  .formatted(expected, "0".repeat(64)))
          .message()
          .doesNotContain(issued.raw());
      AssertionFailedError assertionFailed = (AssertionFailedError) failure;
      Assertions.assertThat(assertionFailed.getExpected().getValue()).isEqualTo(expected);
      Assertions.assertThat(assertionFailed.getActual().getValue()).isEqualTo("0".repeat(64));
    }
  }

  @Nested
  class BelongsTo {

    @Test
    void comparesTheOwnerById(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();
      Member bob = members.create();
      IssuedToken<SessionToken> issued = tokens.create(alice);

      assertThat(issued).belongsTo(alice);
      assertThatThrownBy(() -> assertThat(issued).belongsTo(bob))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("to belong to the owner with id " + bob.getId())
          .hasMessageContaining("but SessionToken.user holds owner id " + alice.getId());
    }

    @Test
    void acceptsAnEntityOrAnIdForAnIdColumn(
        Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
      TsUser alice = users.create();
      IssuedToken<TsApiToken> issued = tokens.create(alice);

      assertThat(issued).belongsTo(alice).belongsTo(alice.getId());
      assertThatThrownBy(() -> assertThat(issued).belongsTo(alice.getId() + 1))
          .hasMessageContaining("but TsApiToken.userId holds owner id " + alice.getId());
    }
  }

  @Nested
  class IsInSameFamilyAs {

    @Test
    void comparesFamilies(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();
      IssuedToken<SessionToken> first = tokens.create(alice);
      IssuedToken<SessionToken> second = tokens.rotate(first);
      IssuedToken<SessionToken> stranger = tokens.create(alice);

      assertThat(second)
          .isInSameFamilyAs(first)
          .isActive()
          .belongsTo(alice)
          .hasRawMatchingStoredHash();
      assertThatThrownBy(() -> assertThat(stranger).isInSameFamilyAs(first))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("to be in the family " + first.entity().getFamilyId())
          .hasMessageContaining(
              "but its SessionToken.familyId is " + stranger.entity().getFamilyId())
          .message()
          .doesNotContain(first.raw())
          .doesNotContain(stranger.raw());
    }
  }

  @Test
  void tokensOfTwoSchemasWithTheSameRawValueKeepTheirOwnMapping(
      Factory<Member> members,
      RefreshTokenFactory<SessionToken> sessions,
      Factory<TsUser> users,
      RefreshTokenFactory<TsApiToken> apiTokens) {
    IssuedToken<SessionToken> session =
        sessions.create(members.create(), o -> o.raw("shared-raw-value"));
    IssuedToken<TsApiToken> api =
        apiTokens.create(users.create(), o -> o.raw("shared-raw-value").revoked(true));

    assertThat(session).isActive().hasRawMatchingStoredHash();
    assertThat(api).isRevoked().hasRawMatchingStoredHash();
  }

  @Test
  void aTokenNotIssuedByFixturekitIsNamed(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
    IssuedToken<SessionToken> handMade =
        new IssuedToken<>(tokens.create(members.create()).entity(), "made-by-hand-123");

    assertThatThrownBy(() -> assertThat(handMade).isActive())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("was not issued by a fixturekit RefreshTokenFactory in this JVM")
        .hasMessageContaining("raw=made****");
  }
}
