package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.FrozenClock;
import io.github.fixturekit.Isolated;
import io.github.fixturekit.Isolation;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import io.github.fixturekit.tokens.model.NotAToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.Events;

/**
 * Every bad input a user can hand fixturekit inside a test, one row each: the scenario's first test
 * makes the mistake, the second (a healthy test of the same class) must pass with empty tables, and
 * a healthy class run afterwards must pass too. A row either expects a failure (its exception type
 * and the parts of the message that say what was wrong and what to do) or expects the input to be
 * used safely. The configuration rows, which concern a whole run, are in {@link
 * BadConfigurationTest}.
 */
class BadInputTableTest {

  /**
   * One row: the scenario, and what its first test must end with ({@code type} null: it passes).
   */
  record Row(
      String input, Class<?> scenario, Class<? extends Throwable> type, List<String> message) {

    static Row fails(
        String input, Class<?> scenario, Class<? extends Throwable> type, String... message) {
      return new Row(input, scenario, type, List.of(message));
    }

    static Row usedSafely(String input, Class<?> scenario) {
      return new Row(input, scenario, null, List.of());
    }

    @Override
    public String toString() {
      return input;
    }
  }

  static final String MEMBER = Member.class.getName();

  static Stream<Row> table() {
    return Stream.of(
        Row.fails("a null owner", NullOwner.class, NullPointerException.class, "owner"),
        Row.fails(
            "a transient owner (built, never persisted)",
            TransientOwner.class,
            IllegalArgumentException.class,
            MEMBER,
            "persist"),
        Row.usedSafely("a detached owner", DetachedOwner.class),
        Row.usedSafely(
            "an owner still attached to another open session", OwnerOfAnotherOpenSession.class),
        Row.fails(
            "an owner from an earlier test's session, its row rolled back",
            OwnerOfAnEarlierTest.class,
            IllegalArgumentException.class,
            MEMBER,
            "persist"),
        Row.fails(
            "an owner of the wrong type",
            WrongTypeOwner.class,
            IllegalArgumentException.class,
            MEMBER,
            String.class.getName()),
        Row.fails(
            "a Duration that overflows an Instant",
            OverflowingDuration.class,
            IllegalArgumentException.class,
            "expiresIn"),
        Row.usedSafely("a zero Duration (expires now)", ZeroDuration.class),
        Row.fails(
            "a blank raw token",
            BlankRawToken.class,
            IllegalArgumentException.class,
            "raw must not be blank",
            "leave it unset"),
        Row.fails(
            "a raw token that is not URL-safe",
            NonUrlSafeRawToken.class,
            IllegalArgumentException.class,
            "URL-safe"),
        Row.fails(
            "a duplicate raw token",
            DuplicateRawToken.class,
            IllegalArgumentException.class,
            "is already in use",
            "[refresh_tokens.token_hash]",
            "Pass another raw value"),
        Row.fails(
            "a factory of an entity not listed in entities",
            ErrorsTest.FactoryOfAnUnlistedEntity.class,
            ParameterResolutionException.class,
            "is not in the entity set",
            "add ExNote.class to @FixtureTest(entities = {...})"),
        Row.fails(
            "a factory of a class that is not an entity",
            ErrorsTest.FactoryOfANonEntity.class,
            ParameterResolutionException.class,
            "[java.lang.String] is not a JPA @Entity"),
        Row.fails(
            "a class that is not an entity listed in entities",
            ErrorsTest.NonEntityListed.class,
            ExtensionConfigurationException.class,
            "[java.lang.String] in @FixtureTest(entities)",
            "is not a JPA @Entity"),
        Row.fails(
            "an entity with no token fields used as a token",
            NoTokenFields.class,
            ParameterResolutionException.class,
            NotAToken.class.getName()),
        Row.fails(
            "a factory customizer that throws",
            ThrowingCustomizer.class,
            IllegalStateException.class,
            "the customizer's own failure"),
        Row.fails(
            "the injected session closed by the test, then used",
            SessionClosedByTheTest.class,
            IllegalStateException.class,
            "the Session fixturekit injected into this test is closed",
            "Remove the test's own session.close()",
            "SessionFactory.openSession()"),
        Row.fails(
            "the injected session closed by the test, then a token created",
            SessionClosedThenTokenCreated.class,
            IllegalStateException.class,
            "the Session fixturekit injected into this test is closed"),
        Row.fails(
            "the injected session closed by the test, then a token rotated",
            SessionClosedThenTokenRotated.class,
            IllegalStateException.class,
            "the Session fixturekit injected into this test is closed"),
        Row.fails(
            "the injected session closed by the test, then a token family created",
            SessionClosedThenFamilyCreated.class,
            IllegalStateException.class,
            "the Session fixturekit injected into this test is closed"),
        Row.usedSafely(
            "the injected session closed by the test, then left alone",
            SessionClosedAndLeftAlone.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachBadInputFailsClearlyOrIsUsedSafelyAndTheNextTestIsUnaffected(Row row) {
    Events events = Scenarios.run(row.scenario());
    List<Throwable> failures = Scenarios.failures(events);
    if (ThenAHealthyTest.class.isAssignableFrom(row.scenario())) {
      assertThat(events.started().count())
          .as("the bad test and the next one ran")
          .isGreaterThanOrEqualTo(2);
    }
    if (row.type() == null) {
      Scenarios.assertAllPassed(events, events.started().count());
    } else {
      assertThat(failures)
          .as("failures of %s:%n%s", row, Scenarios.describeFailures(events))
          .hasSize(1);
      ErrorsTest.assertFailure(failures.get(0), row.type(), row.message().toArray(String[]::new));
      assertThat(events.succeeded().count())
          .as("the next tests of %s", row)
          .isEqualTo(events.started().count() - 1);
    }
    Scenarios.assertAllPassed(ErrorsTest.Healthy.class, 1);
  }

  /**
   * The healthy test every scenario runs after its bad one: tables start empty, everything works.
   */
  static void nextTestIsUnaffected(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
    RollbackTest.failFastOnLocks(session);
    assertThat(count(session, "members")).as("members left by the bad test").isZero();
    assertThat(count(session, "refresh_tokens")).as("tokens left by the bad test").isZero();
    tokens.create(members.create());
    assertThat(count(session, "members")).isEqualTo(1);
    assertThat(count(session, "refresh_tokens")).isEqualTo(1);
  }

  /** A scenario: {@code bad} (first) makes the mistake, {@code next} must still pass. */
  @Scenario
  @FixtureTest(entities = {Member.class, SessionToken.class})
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  abstract static class ThenAHealthyTest {

    @Test
    @Order(100)
    void next(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      nextTestIsUnaffected(members, tokens, session);
    }
  }

  // ---- owners ----

  static class NullOwner extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(RefreshTokenFactory<SessionToken> tokens) {
      tokens.create(null);
    }
  }

  static class TransientOwner extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      tokens.create(members.build());
    }
  }

  static class DetachedOwner extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      session.detach(owner);

      SessionToken token = tokens.create(owner).entity();

      assertThat(token.getUser().getId()).isEqualTo(owner.getId());
      assertThat(count(session, "members"))
          .as("the owner is not inserted a second time")
          .isEqualTo(1);
      assertThat(count(session, "refresh_tokens")).isEqualTo(1);
    }
  }

  /** In commit mode another session sees the owner; the token is created in the test's own. */
  static class OwnerOfAnotherOpenSession extends ThenAHealthyTest {
    @Test
    @Order(1)
    @Isolated(Isolation.TRUNCATE)
    void bad(
        Factory<Member> members,
        RefreshTokenFactory<SessionToken> tokens,
        Session session,
        SessionFactory sessionFactory) {
      Long id = members.create().getId();
      try (Session other = sessionFactory.openSession()) {
        Member owner = other.find(Member.class, id);
        assertThat(owner).as("committed, so another session sees it").isNotNull();

        SessionToken token = tokens.create(owner).entity();

        assertThat(session.contains(token)).isTrue();
        assertThat(other.contains(owner)).as("the other session still owns its instance").isTrue();
        assertThat(count(session, "members"))
            .as("the owner is not inserted a second time")
            .isEqualTo(1);
        assertThat(count(session, "refresh_tokens")).isEqualTo(1);
      }
    }
  }

  /** The first test's owner outlives its session; its row was rolled back with it. */
  static class OwnerOfAnEarlierTest extends ThenAHealthyTest {
    static final String KEY = "bad-input-owner-of-an-earlier-test";

    @Test
    @Order(0)
    void keepsItsOwner(Factory<Member> members) {
      Scenarios.CAPTURED.put(KEY, members.create());
    }

    @Test
    @Order(1)
    void bad(RefreshTokenFactory<SessionToken> tokens) {
      tokens.create(Scenarios.CAPTURED.remove(KEY));
    }
  }

  static class WrongTypeOwner extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(RefreshTokenFactory<SessionToken> tokens) {
      tokens.create("alice@example.org");
    }
  }

  // ---- expiry ----

  static class OverflowingDuration extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      tokens.create(members.create(), o -> o.expiresIn(Duration.ofSeconds(Long.MAX_VALUE)));
    }
  }

  @FrozenClock("2031-03-30T01:02:03.456789Z")
  static class ZeroDuration extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      SessionToken token =
          tokens.create(members.create(), o -> o.expiresIn(Duration.ZERO)).entity();

      assertThat(token.getExpiresAt()).isEqualTo(Instant.parse("2031-03-30T01:02:03.456789Z"));
      session.refresh(token);
      assertThat(token.getExpiresAt()).isEqualTo(Instant.parse("2031-03-30T01:02:03.456789Z"));
    }
  }

  // ---- raw tokens ----

  static class BlankRawToken extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      tokens.create(members.create(), o -> o.raw(" \t"));
    }
  }

  static class NonUrlSafeRawToken extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      tokens.create(members.create(), o -> o.raw("secret/value+1"));
    }
  }

  static class DuplicateRawToken extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      Member alice = members.create();
      tokens.create(alice, o -> o.raw("duplicate-raw-token"));
      tokens.create(alice, o -> o.raw("duplicate-raw-token"));
    }
  }

  // ---- entities ----

  static class NoTokenFields extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(RefreshTokenFactory<NotAToken> tokens) {}
  }

  // ---- factories and sessions ----

  static class ThrowingCustomizer extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members) {
      members.create(
          m -> {
            throw new IllegalStateException("the customizer's own failure");
          });
    }
  }

  static class SessionClosedByTheTest extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, Session session) {
      members.create();
      session.close();
      members.create();
    }
  }

  static class SessionClosedThenTokenCreated extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      session.close();
      tokens.create(owner);
    }
  }

  static class SessionClosedThenTokenRotated extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      IssuedToken<SessionToken> issued = tokens.create(members.create());
      session.close();
      tokens.rotate(issued);
    }
  }

  static class SessionClosedThenFamilyCreated extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      Member owner = members.create();
      session.close();
      tokens.family(owner, 3);
    }
  }

  static class SessionClosedAndLeftAlone extends ThenAHealthyTest {
    @Test
    @Order(1)
    void bad(Factory<Member> members, Session session) {
      members.create();
      session.close();
    }
  }
}
