package io.github.fixturekit;

/**
 * The configuration keys fixturekit reads. Each is looked up as a JVM system property, then as an
 * environment variable (upper case, dots and dashes as underscores: {@code FIXTUREKIT_JDBC_URL}),
 * then as a JUnit configuration parameter ({@code junit-platform.properties}).
 *
 * <pre>{@code
 * mvn test -Dfixturekit.jdbc.url=jdbc:postgresql://127.0.0.1:5432/postgres -Dfixturekit.jdbc.user=postgres
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FixtureProperties {

  /**
   * Where the database comes from: {@code auto} (the default: external when
   * {@value #JDBC_URL} is set, else embedded), {@code external} or {@code embedded}.
   */
  public static final String DATABASE = "fixturekit.database";

  /**
   * JDBC URL of a PostgreSQL server to use. fixturekit connects to it only to create a throwaway
   * database of its own (named {@code fixturekit_...}), which it drops when the JVM's tests end.
   */
  public static final String JDBC_URL = "fixturekit.jdbc.url";

  /** User name for {@value #JDBC_URL}; the role needs the CREATEDB privilege. */
  public static final String JDBC_USER = "fixturekit.jdbc.user";

  /** Password for {@value #JDBC_URL}. */
  public static final String JDBC_PASSWORD = "fixturekit.jdbc.password";

  /**
   * Comma-separated packages or entity classes that make up the entity set when the test class does
   * not list them, for example {@code com.example.model,com.example.audit.AuditEntry}.
   */
  public static final String ENTITIES = "fixturekit.entities";

  /**
   * The seed of every test's random data, for the whole run, unless a test pins its own with
   * {@link FixtureSeed}; unset (the default), each test gets a fresh seed, printed when it fails.
   */
  public static final String SEED = "fixturekit.seed";

  /**
   * What happens when a test in {@link Isolation#ROLLBACK} mode leaves committed rows behind (code
   * under test that committed on a connection or session of its own): {@code fail} (the default)
   * fails the test, {@code warn} prints the tables and row counts, {@code off} does not look. In
   * {@code fail} and {@code warn} the leaked rows are removed, so later tests start empty.
   */
  public static final String LEAKS = "fixturekit.leaks";

  private FixtureProperties() {}
}
