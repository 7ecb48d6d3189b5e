package io.github.fixturekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import io.github.fixturekit.tokens.TokenMapping;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsFixtureTest;
import io.github.fixturekit.tokens.schemas.TsLegacyToken;
import io.github.fixturekit.tokens.schemas.TsUser;
import io.github.fixturekit.tokens.schemas.TsWebToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The test clock: alone, injected, frozen by annotation, per test, across daylight saving changes.
 */
@TsFixtureTest
@TokenMapping(
    entity = TsLegacyToken.class,
    hash = "digest",
    family = "chain",
    expiresAt = "validUntil",
    revoked = "disabled")
class TestClockTest {

  static final Instant A = Instant.parse("2030-01-01T00:00:00Z");
  static final Instant B = Instant.parse("2031-06-01T12:00:00Z");

  /** A base clock a test can move. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(A);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  static Events run(Class<?> scenario) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(Scenario.PARAMETER, "true")
        .selectors(selectClass(scenario))
        .execute()
        .testEvents();
  }

  @Nested
  class Alone {

    @Test
    void saysWhatItFollowsOrWhereItStandsWhenPrinted() {
      Clock base = Clock.fixed(A, ZoneOffset.UTC);
      TestClock clock = TestClock.following(base);

      assertThat(clock).hasToString("TestClock[following " + base + ", Z]");
      clock.advance(Duration.ofMinutes(90));
      assertThat(clock).hasToString("TestClock[following " + base + " PT1H30M, Z]");
      clock.freezeAt(B);
      assertThat(clock.withZone(ZoneId.of("Asia/Kathmandu")))
          .hasToString("TestClock[frozen at " + B + ", Asia/Kathmandu]");
    }

    @Test
    void followsItsBaseUntilFrozenAndAgainAfterResume() {
      MovableClock base = new MovableClock();
      TestClock clock = TestClock.following(base);

      assertThat(clock.instant()).isEqualTo(A);
      base.now.set(A.plusSeconds(5));
      assertThat(clock.instant()).isEqualTo(A.plusSeconds(5));
      assertThat(clock.isFrozen()).isFalse();

      clock.freezeAt(B);
      base.now.set(A.plusSeconds(10));
      assertThat(clock.instant()).isEqualTo(B);
      assertThat(clock.millis()).isEqualTo(B.toEpochMilli());
      assertThat(clock.isFrozen()).isTrue();

      clock.resume();
      assertThat(clock.instant()).isEqualTo(A.plusSeconds(10));
    }

    @Test
    void advanceMovesAFrozenClockAndShiftsARunningOne() {
      MovableClock base = new MovableClock();
      TestClock clock = TestClock.following(base);

      clock.advance(Duration.ofHours(1));
      base.now.set(A.plusSeconds(1));
      assertThat(clock.instant()).isEqualTo(A.plus(Duration.ofHours(1)).plusSeconds(1));
      assertThat(clock.isFrozen()).isFalse();

      clock.freezeAt(B).advance(Duration.ofDays(7)).advance(Duration.ofMinutes(-1));
      assertThat(clock.instant())
          .isEqualTo(B.plus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));
    }

    @Test
    void freezeStopsAtTheCurrentReading() {
      MovableClock base = new MovableClock();
      TestClock clock = TestClock.following(base).advance(Duration.ofSeconds(3)).freeze();
      base.now.set(B);

      assertThat(clock.instant()).isEqualTo(A.plusSeconds(3));
    }

    @Test
    void aZoneViewSharesTheTime() {
      TestClock clock = TestClock.create();
      TestClock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

      clock.freezeAt(B);
      berlin.advance(Duration.ofMinutes(1));

      assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
      assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
      assertThat(clock.instant()).isEqualTo(B.plusSeconds(60)).isEqualTo(berlin.instant());
      assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void aNewClockFollowsTheSystemClock() {
      assertThat(TestClock.create().instant())
          .isCloseTo(Instant.now(), within(1, ChronoUnit.SECONDS));
    }

    @Test
    void anAdvanceBeyondWhatAnInstantHoldsIsRefusedAndTheClockStaysWhereItWas() {
      TestClock frozen = TestClock.create().freezeAt(Instant.parse("2030-01-01T00:00:00Z"));
      TestClock running = TestClock.create();

      for (TestClock clock : List.of(frozen, running)) {
        Instant before = clock.instant();
        for (Duration amount :
            List.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MIN_VALUE))) {
          assertThatThrownBy(() -> clock.advance(amount))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageStartingWith("the test clock cannot advance by [" + amount + "] from [")
              .hasMessageContaining("goes beyond what an Instant holds");
        }
        assertThat(clock.instant()).isCloseTo(before, within(1, ChronoUnit.SECONDS));
      }
      assertThat(frozen.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void refusesNulls() {
      TestClock clock = TestClock.create();

      assertThatThrownBy(() -> clock.freezeAt(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("instant must not be null");
      assertThatThrownBy(() -> clock.advance(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("amount must not be null");
      assertThatThrownBy(() -> TestClock.following(null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Injected {

    TestClock fromSetUp;

    @BeforeEach
    void setUp(TestClock clock) {
      fromSetUp = clock;
    }

    @Test
    void followsTheLiveClockAndIsTheSameInstanceAsInBeforeEach(TestClock clock) {
      assertThat(clock).isSameAs(fromSetUp);
      assertThat(clock.isFrozen()).isFalse();
      assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void isWhatTheTokenFactoriesUse(
        TestClock clock, Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
      clock.freezeAt(B);

      assertThat(tokens.create(members.create()).entity().getExpiresAt())
          .isEqualTo(B.plus(Duration.ofDays(7)));
      clock.advance(Duration.ofDays(1));
      assertThat(tokens.create(members.create()).entity().getExpiresAt())
          .isEqualTo(B.plus(Duration.ofDays(8)));
    }

    @Test
    @FrozenClock("2001-01-01T00:00:00Z")
    void doesNotMoveTheDatabaseClock(TestClock clock, Session session) {
      OffsetDateTime databaseNow =
          session.createNativeQuery("select now()", OffsetDateTime.class).getSingleResult();

      assertThat(clock.instant()).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
      assertThat(databaseNow.toInstant()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }
  }

  @Nested
  @FrozenClock("2030-01-01T00:00:00Z")
  class FrozenByAnnotation {

    @Test
    void onTheClass(TestClock clock) {
      assertThat(clock.instant()).isEqualTo(A);
      assertThat(clock.isFrozen()).isTrue();
    }

    @Test
    @FrozenClock("2031-06-01T12:00:00Z")
    void onTheMethodWins(TestClock clock) {
      assertThat(clock.instant()).isEqualTo(B);
    }

    @Nested
    class InANestedClass {

      @Test
      void theEnclosingClassApplies(TestClock clock) {
        assertThat(clock.instant()).isEqualTo(A);
      }
    }

    @Test
    void anUnparsableInstantIsAConfigurationError() {
      Events events = run(BadInstant.class);

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
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage(
              "@FrozenClock(\"next tuesday\") on [io.github.fixturekit.TestClockTest$BadInstant.test()]"
                  + " is not an ISO-8601 instant; write it like \"2030-01-01T00:00:00Z\"");
    }
  }

  @Test
  void aFrozenClockNeverReachesTheNextTest() {
    Events events = run(Leak.class);

    assertThat(events.failed().count()).as("failed tests of the scenario").isZero();
    events.assertStatistics(s -> s.started(3).succeeded(3));
  }

  @Scenario
  @TsFixtureTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Leak {

    TestClock kept;

    @Test
    @Order(1)
    void freezesAndMoves(TestClock clock) {
      kept = clock;
      clock.freezeAt(Instant.parse("2001-01-01T00:00:00Z")).advance(Duration.ofDays(3));
    }

    @Test
    @Order(2)
    @FrozenClock("1999-12-31T23:59:59Z")
    void frozenByAnnotation(TestClock clock) {
      assertThat(clock).isNotSameAs(kept);
      assertThat(clock.instant()).isEqualTo(Instant.parse("1999-12-31T23:59:59Z"));
    }

    @Test
    @Order(3)
    void getsALiveClock(TestClock clock) {
      assertThat(clock.isFrozen()).isFalse();
      assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }
  }

  @Scenario
  @TsFixtureTest
  static class BadInstant {
    @Test
    @FrozenClock("next tuesday")
    void test() {}
  }

  /**
   * Seven days are 604,800 seconds however the JVM's default zone shifts its clocks: a frozen clock
   * set just before the zone's next daylight saving change, tokens of every expiry type, read back
   * from PostgreSQL.
   */
  @Nested
  class DaylightSaving {

    static final long SEVEN_DAYS = 604_800;

    @ParameterizedTest(name = "JVM zone {0}")
    @ValueSource(
        strings = {
          "America/New_York",
          "Europe/Berlin",
          "Australia/Lord_Howe",
          "America/St_Johns",
          "Asia/Kathmandu",
          "Asia/Kolkata",
          "UTC"
        })
    void sevenDaysAreExactly604800Seconds(
        String zoneName,
        TestClock clock,
        Session session,
        Factory<Member> members,
        Factory<TsUser> users,
        RefreshTokenFactory<SessionToken> instants,
        RefreshTokenFactory<TsApiToken> offsets,
        RefreshTokenFactory<TsWebToken> zoned,
        RefreshTokenFactory<TsLegacyToken> locals) {
      TimeZone previous = TimeZone.getDefault();
      ZoneId zone = ZoneId.of(zoneName);
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      try {
        ZoneOffsetTransition change = zone.getRules().nextTransition(A);
        Instant start = change == null ? A : change.getInstant().minus(Duration.ofHours(12));
        clock.freezeAt(start);
        TsUser user = users.create();
        List<Long> ids =
            List.of(
                instants.create(members.create()).entity().getId(),
                offsets.create(user).entity().getId(),
                zoned.create(user).entity().getId(),
                locals.create(user).entity().getId());
        session.flush();
        session.clear();

        List<Instant> expiries =
            List.of(
                session.find(SessionToken.class, ids.get(0)).getExpiresAt(),
                session.find(TsApiToken.class, ids.get(1)).getExpiresAt().toInstant(),
                session.find(TsWebToken.class, ids.get(2)).getExpiresAt().toInstant(),
                session
                    .find(TsLegacyToken.class, ids.get(3))
                    .getValidUntil()
                    .toInstant(ZoneOffset.UTC));
        for (Instant expiry : expiries) {
          assertThat(Duration.between(start, expiry).getSeconds()).isEqualTo(SEVEN_DAYS);
        }
        clock.advance(Duration.ofDays(7));
        assertThat(clock.instant()).isEqualTo(expiries.get(0));
        if (change != null) {
          long wallClockSeconds =
              ChronoUnit.SECONDS.between(
                  LocalDateTime.ofInstant(start, zone),
                  LocalDateTime.ofInstant(clock.instant(), zone));
          assertThat(wallClockSeconds)
              .as("the wall clock of %s moved by the daylight saving change", zone)
              .isNotEqualTo(SEVEN_DAYS);
        }
      } finally {
        TimeZone.setDefault(previous);
      }
    }
  }
}
