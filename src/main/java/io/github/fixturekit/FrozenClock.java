package io.github.fixturekit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Freezes the test's {@link TestClock} at an instant before the test (and its {@code @BeforeEach}
 * methods) run. On a class it applies to each of its tests, including those of {@code @Nested}
 * classes; on a method it wins over the class.
 *
 * <pre>{@code
 * @FixtureTest(entities = {User.class, RefreshToken.class})
 * @FrozenClock("2030-01-01T00:00:00Z")
 * class ExpiryTest {
 *     @Test
 *     void expiresAtTheFrozenTime(@Issued IssuedToken<RefreshToken> token) {
 *         assertThat(token.entity().getExpiresAt()).isEqualTo(Instant.parse("2030-01-08T00:00:00Z"));
 *     }
 * }
 * }</pre>
 *
 * <p>Only Java code reads this clock; the database's own {@code now()} keeps the real time.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FrozenClock {

  /**
   * The instant, in ISO-8601 with its offset, for example {@code "2030-01-01T00:00:00Z"}.
   *
   * @return the instant the clock stands at
   */
  String value();
}
