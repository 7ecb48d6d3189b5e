package io.github.fixturekit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the seed every random value of a test comes from, so the test makes the same rows on every
 * run. On a method it applies to that test; on a class, to each of its tests (and those of its
 * {@code @Nested} classes). When a test fails, fixturekit prints the seed it used: copy it here.
 *
 * <pre>{@code
 * @Test
 * @FixtureSeed(8_613_022_117_940_311L)
 * void reproducesTheFailure(Factory<User> users) {
 *     User user = users.create(); // the same user as in the failed run
 * }
 * }</pre>
 *
 * <p>instancio-junit's {@code @Seed} is honoured the same way. Numbers woven into unique values to
 * keep them unique over the whole run, and ids the database generates, still count on. Raw refresh
 * tokens always come from {@code SecureRandom}.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FixtureSeed {

  /**
   * The seed.
   *
   * @return the seed of the random data
   */
  long value();
}
