package io.github.fixturekit;

/**
 * How fixturekit keeps the tests of a class from seeing each other's rows.
 *
 * <pre>{@code
 * @FixtureTest(entities = User.class, isolation = Isolation.ROLLBACK)
 * }</pre>
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
   * Commit mode: factories commit, so other connections see the rows at once, and every table of
   * the entity set is emptied after each test. Not available in 0.1.0: choosing it fails the test
   * class with a message that says so.
   */
  TRUNCATE
}
