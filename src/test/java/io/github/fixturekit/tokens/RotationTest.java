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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** tokens.rotate(issued) and tokens.family(owner, n), on real PostgreSQL. */
@TsFixtureTest
class RotationTest {

  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  static long count(Session session, String sql, Object family) {
    return session
        .createNativeQuery(sql, Long.class)
        .setParameter("family", family)
        .getSingleResult();
  }

  @Nested
  class Rotate {

    @Test
    void revokesTheTokenAndIssuesItsSuccessorInTheSameFamily(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session)
        throws Exception {
      Member alice = members.create();
      IssuedToken<SessionToken> original = tokens.create(alice);

      IssuedToken<SessionToken> successor = tokens.rotate(original);

      assertThat(original.entity().isRevoked()).isTrue();
      assertThat(successor.entity().isRevoked()).isFalse();
      assertThat(successor.entity().getFamilyId()).isEqualTo(original.entity().getFamilyId());
      assertThat(successor.entity().getUser()).isSameAs(alice);
      assertThat(successor.raw()).isNotEqualTo(original.raw());
      assertThat(successor.entity().getTokenHash()).isEqualTo(Hashes.sha256Hex(successor.raw()));
      UUID family = original.entity().getFamilyId();
      assertThat(
              count(
                  session,
                  "select count(*) from refresh_tokens where family_id = :family and is_revoked",
                  family))
          .isEqualTo(1);
      assertThat(
              count(
                  session,
                  "select count(*) from refresh_tokens where family_id = :family and not is_revoked",
                  family))
          .isEqualTo(1);
    }

    @Test
    void shapesTheSuccessorWithOptionsButKeepsTheFamily(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, TestClock clock) {
      clock.freezeAt(NOW);
      IssuedToken<SessionToken> original = tokens.create(members.create());

      IssuedToken<SessionToken> successor =
          tokens.rotate(
              original, o -> o.expiresIn(Duration.ofHours(1)).familyId(UUID.randomUUID()));

      assertThat(successor.entity().getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
      assertThat(successor.entity().getFamilyId()).isEqualTo(original.entity().getFamilyId());
    }

    @Test
    void stampsRevokedAtAndKeepsAnIdColumnOwner(
        Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens, TestClock clock) {
      clock.freezeAt(NOW);
      TsUser alice = users.create();
      IssuedToken<TsApiToken> original = tokens.create(alice);
      clock.advance(Duration.ofMinutes(10));

      IssuedToken<TsApiToken> successor = tokens.rotate(original);
      clock.advance(Duration.ofMinutes(10));
      tokens.rotate(original);

      assertThat(original.entity().getRevokedAt())
          .as("revoked at the first rotation, not moved by the second")
          .isEqualTo(NOW.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC));
      assertThat(successor.entity().getUserId()).isEqualTo(alice.getId());
      assertThat(successor.entity().getFamilyId()).isEqualTo(original.entity().getFamilyId());
      assertThat(successor.entity().getRevokedAt()).isNull();
    }

    @Test
    void refusedForTheSuccessorsOptionsLeavesTheOldTokenAsItWas(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      IssuedToken<SessionToken> original = tokens.create(members.create());
      IssuedToken<SessionToken> other = tokens.create(members.create());

      assertThatThrownBy(() -> tokens.rotate(original, o -> o.raw("not url safe!")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("URL-safe");
      assertThatThrownBy(
              () ->
                  tokens.rotate(
                      original,
                      o -> {
                        throw new IllegalStateException("the options' own failure");
                      }))
          .hasMessage("the options' own failure");
      assertThatThrownBy(
              () -> tokens.rotate(original, o -> o.expiresIn(Duration.ofDays(-1_000_000_000L))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.rotate(original, o -> o.raw(other.raw())))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(original.entity().isRevoked()).isFalse();
      session.flush();
      session.clear();
      assertThat(session.find(SessionToken.class, original.entity().getId()).isRevoked())
          .as("the row of the token a refused rotation named")
          .isFalse();
      assertThat(
              count(
                  session,
                  "select count(*) from refresh_tokens where family_id = :family",
                  original.entity().getFamilyId()))
          .isEqualTo(1);
    }

    @Test
    void refusedForTheSuccessorsOptionsLeavesARevokedAtUnset(
        Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
      IssuedToken<TsApiToken> original = tokens.create(users.create());

      assertThatThrownBy(() -> tokens.rotate(original, o -> o.raw("")))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(original.entity().getRevokedAt()).isNull();
    }

    @Test
    void aThousandTimes(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      IssuedToken<SessionToken> first = tokens.create(members.create());
      List<IssuedToken<SessionToken>> chain = new ArrayList<>(List.of(first));

      for (int i = 0; i < 1_000; i++) {
        chain.add(tokens.rotate(chain.get(chain.size() - 1)));
      }

      UUID family = first.entity().getFamilyId();
      assertThat(
              count(
                  session, "select count(*) from refresh_tokens where family_id = :family", family))
          .isEqualTo(1_001);
      assertThat(
              count(
                  session,
                  "select count(*) from refresh_tokens where family_id = :family and is_revoked",
                  family))
          .isEqualTo(1_000);
      SessionToken last = chain.get(1_000).entity();
      assertThat(last.isRevoked()).isFalse();
      assertThat(
              session
                  .createNativeQuery(
                      "select id from refresh_tokens where family_id = :family and not is_revoked",
                      Long.class)
                  .setParameter("family", family)
                  .getSingleResult())
          .isEqualTo(last.getId());
      Set<String> raws = new HashSet<>();
      chain.forEach(t -> raws.add(t.raw()));
      assertThat(raws).hasSize(1_001);
    }

    @Test
    void aTokenOfAnotherTypeIsRefused(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      IssuedToken<SessionToken> foreign =
          (IssuedToken) new IssuedToken<>(members.create(), "x-raw-value");

      assertThatThrownBy(() -> tokens.rotate(foreign))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "this factory rotates [io.github.fixturekit.model.SessionToken] tokens, but the token passed"
                  + " holds a [io.github.fixturekit.model.Member]");
      assertThatThrownBy(() -> tokens.rotate(null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Family {

    @Test
    void isAChainAllRevokedButTheLast(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member alice = members.create();

      List<IssuedToken<SessionToken>> chain = tokens.family(alice, 3);

      assertThat(chain).hasSize(3);
      assertThat(chain)
          .extracting(t -> t.entity().getFamilyId())
          .containsOnly(chain.get(0).entity().getFamilyId());
      assertThat(chain).extracting(t -> t.entity().isRevoked()).containsExactly(true, true, false);
      assertThat(chain).extracting(t -> t.entity().getUser()).containsOnly(alice);
      assertThat(chain).extracting(t -> t.entity().getId()).isSorted();
      assertThat(
              count(
                  session,
                  "select count(*) from refresh_tokens where family_id = :family",
                  chain.get(0).entity().getFamilyId()))
          .isEqualTo(3);
    }

    @Test
    void ofOneIsASingleActiveToken(Factory<TsUser> users, RefreshTokenFactory<TsApiToken> tokens) {
      TsUser alice = users.create();

      List<IssuedToken<TsApiToken>> chain = tokens.family(alice.getId(), 1);

      assertThat(chain)
          .singleElement()
          .satisfies(t -> assertThat(t.entity().getRevokedAt()).isNull());
    }

    @Test
    void eachFamilyIsNew(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();

      assertThat(tokens.family(alice, 2).get(0).entity().getFamilyId())
          .isNotEqualTo(tokens.family(alice, 2).get(0).entity().getFamilyId());
    }

    @Test
    void needsAtLeastOneToken(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();

      assertThatThrownBy(() -> tokens.family(alice, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a token family has 1 or more tokens, but size was [0]");
    }
  }
}
