package io.github.fixturekit;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The clock of one test: a {@link Clock} that follows a base clock (the live system UTC clock
 * unless configured) until the test freezes or moves it. fixturekit's token factories read "now"
 * from it, and a test hands the same clock to the code under test, so both agree on the time.
 *
 * <pre>{@code
 * @Test
 * void tokenExpiresAfterSevenDays(TestClock clock, RefreshTokenFactory<RefreshToken> tokens, Session session) {
 *     clock.freezeAt(Instant.parse("2030-03-25T12:00:00Z"));
 *     IssuedToken<RefreshToken> issued = tokens.create(alice);
 *     clock.advance(Duration.ofDays(7));
 *     assertThrows(TokenExpired.class, () -> new RefreshService(session, clock).refresh(issued.raw()));
 * }
 * }</pre>
 *
 * <p>Each test gets a new clock, so a clock frozen in one test never reaches the next. Its zone is
 * UTC; {@link #withZone(ZoneId)} gives a view in another zone that shares the same time. Only Java
 * code sees this clock: the database's own {@code now()} and {@code current_timestamp} keep the
 * real time.
 *
 * @since 0.1.0
 */
public final class TestClock extends Clock {

  /** Frozen at an instant, or following the base clock shifted by an offset. */
  private record State(@Nullable Instant frozenAt, Duration offset) {}

  private final Clock base;
  private final ZoneId zone;
  private final AtomicReference<State> state;

  private TestClock(Clock base, ZoneId zone, AtomicReference<State> state) {
    this.base = base;
    this.zone = zone;
    this.state = state;
  }

  /**
   * A clock that follows the live system UTC clock until it is frozen or moved.
   *
   * @return a new clock
   */
  public static TestClock create() {
    return following(Clock.systemUTC());
  }

  /**
   * A clock that follows {@code base} until it is frozen or moved.
   *
   * @param base the clock to follow
   * @return a new clock, in UTC
   */
  public static TestClock following(Clock base) {
    Objects.requireNonNull(
        base, "base clock must not be null: pass Clock.systemUTC() for the live time");
    return new TestClock(
        base, ZoneOffset.UTC, new AtomicReference<>(new State(null, Duration.ZERO)));
  }

  /**
   * Stops the clock at {@code instant}: every later reading returns it until the clock is moved.
   *
   * @param instant the time to stand still at
   * @return this clock
   */
  public TestClock freezeAt(Instant instant) {
    Objects.requireNonNull(
        instant,
        "instant must not be null: pass for example Instant.parse(\"2030-01-01T00:00:00Z\")");
    state.set(new State(instant, Duration.ZERO));
    return this;
  }

  /**
   * Stops the clock at its current reading.
   *
   * @return this clock
   */
  public TestClock freeze() {
    return freezeAt(instant());
  }

  /**
   * Moves the clock by {@code amount} (backwards when negative). A frozen clock stays frozen at the
   * new instant; a running one keeps running, ahead by {@code amount}. Durations are exact: seven
   * days are 604,800 seconds whatever the time zone and its daylight saving changes.
   *
   * @param amount how far to move
   * @return this clock
   * @throws IllegalArgumentException when the clock would move beyond what an {@link Instant} holds
   */
  public TestClock advance(Duration amount) {
    Objects.requireNonNull(amount, "amount must not be null: pass for example Duration.ofDays(7)");
    try {
      state.updateAndGet(
          s -> {
            if (s.frozenAt() != null) {
              return new State(s.frozenAt().plus(amount), Duration.ZERO);
            }
            Duration offset = s.offset().plus(amount);
            var unused = base.instant().plus(offset); // fails here rather than in a later read
            return new State(null, offset);
          });
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "the test clock cannot advance by ["
              + amount
              + "] from ["
              + instant()
              + "]: that goes beyond what an Instant holds ("
              + Instant.MIN
              + " to "
              + Instant.MAX
              + ")",
          e);
    }
    return this;
  }

  /**
   * Lets the clock follow its base again, without any offset.
   *
   * @return this clock
   */
  public TestClock resume() {
    state.set(new State(null, Duration.ZERO));
    return this;
  }

  /**
   * Whether the clock stands still.
   *
   * @return {@code true} after {@link #freezeAt(Instant)} until {@link #resume()}
   */
  public boolean isFrozen() {
    return current().frozenAt() != null;
  }

  @Override
  public Instant instant() {
    State current = current();
    Instant frozenAt = current.frozenAt();
    return frozenAt != null ? frozenAt : base.instant().plus(current.offset());
  }

  private State current() {
    return Objects.requireNonNull(state.get(), "the state is never unset");
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in {@code zone}: freezing or moving either moves both. */
  @Override
  public TestClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new TestClock(base, zone, state);
  }

  @Override
  public String toString() {
    State current = current();
    return current.frozenAt() != null
        ? "TestClock[frozen at " + current.frozenAt() + ", " + zone + "]"
        : "TestClock[following "
            + base
            + (current.offset().isZero() ? "" : " " + current.offset())
            + ", "
            + zone
            + "]";
  }
}
