package io.github.fixturekit;

/**
 * How fixturekit keeps the tests of a class from seeing each other's rows.
 *
 * <pre>{@code
 * @FixtureTest(entities = User.class, isolation = Isolation.ROLLBACK)
 * }</pre>
 *
 * <p>One method can override its class with {@link Isolated}.
 *
 * @since 0.1.0
 */
public enum Isolation {
  /**
   * Everything a test does happens in its session's transaction, which is rolled back after the
   * test. The default.
   */
  ROLLBACK,

  /**
   * Commit mode, for code under test that uses its own connections, sessions or transactions: every
   * factory call commits the test session's transaction (and begins the next one), so other
   * connections see the rows at once. After the test, whatever the session still has open is rolled
   * back and every table of the entity set (entity, secondary, join and collection tables) is
   * emptied in one {@code TRUNCATE ... RESTART IDENTITY CASCADE}. Tests of one entity set in this
   * mode never run at the same time as any other test of that entity set, also under JUnit's
   * parallel mode.
   */
  TRUNCATE
}
