package io.github.fixturekit.internal.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A throwaway database that fixturekit creates on a server and drops on close, one per JVM so that
 * parallel forks and CI shards on one server never meet.
 *
 * <p>When the user may not create databases, fixturekit works inside the configured database
 * instead, in schemas whose names start with this JVM's own {@code fixturekit_...} name, and drops
 * exactly those on close. Either way nothing else on the server is created, altered or dropped; the
 * only other things it removes are leftovers of killed runs (see {@link Leftovers}).
 */
public final class ExternalDatabase implements ServerDatabase {

  /** Every database and schema fixturekit creates starts with this prefix. */
  public static final String NAME_PREFIX = "fixturekit_";

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");

  /** Where fixturekit's tables live on this server. */
  public enum Mode {
    /** A database of fixturekit's own, created with CREATE DATABASE. */
    DATABASE,
    /** Schemas of fixturekit's own inside the configured database (no CREATEDB privilege). */
    SCHEMA
  }

  private final String provider;
  private final String adminUrl;
  private final String username;
  private final String password;
  private final String name;
  private final Mode mode;
  private final String jdbcUrl;
  private final String serverVersion;
  private final DatabaseConfig config;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ExternalDatabase(
      String provider,
      String adminUrl,
      String username,
      String password,
      String name,
      Mode mode,
      String jdbcUrl,
      String serverVersion,
      DatabaseConfig config) {
    this.provider = provider;
    this.adminUrl = adminUrl;
    this.username = username;
    this.password = password;
    this.name = name;
    this.mode = mode;
    this.jdbcUrl = jdbcUrl;
    this.serverVersion = serverVersion;
    this.config = config;
  }

  /** Creates fixturekit's database on the server {@code url} points to, with default settings. */
  public static ExternalDatabase create(String url, String username, String password) {
    return create(DatabaseConfig.defaults(url, username, password), "external");
  }

  /**
   * Creates fixturekit's database on the server of {@code config}, after removing what killed runs
   * left there.
   *
   * @param provider {@code external}, or the provider that started this server, for messages
   * @throws ExtensionConfigurationException when the URL is malformed, the server cannot be
   *     reached, the credentials are refused, or the user may create neither a database nor a
   *     schema
   */
  public static ExternalDatabase create(DatabaseConfig config, String provider) {
    String url = config.jdbcUrl();
    String username = config.jdbcUser();
    PostgresUrl parsed;
    try {
      parsed = PostgresUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "fixturekit.jdbc.url "
              + e.getMessage()
              + ". Fix the setting, or unset it to use"
              + " Testcontainers or the embedded database.");
    }
    long started = System.nanoTime();
    try (Connection admin = connect(url, username, config.jdbcPassword(), config);
        Statement statement = admin.createStatement()) {
      String version = admin.getMetaData().getDatabaseProductVersion();
      String name = newName(admin);
      Leftovers.removeDatabases(admin, config.leftoverAge());
      try {
        statement.execute("CREATE DATABASE " + quote(name));
        String jdbcUrl =
            PostgresUrl.withParameter(parsed.withDatabase(name), "ApplicationName", name);
        return new ExternalDatabase(
            provider,
            url,
            username,
            config.jdbcPassword(),
            name,
            Mode.DATABASE,
            jdbcUrl,
            version,
            config);
      } catch (SQLException e) {
        if (!"42501".equals(e.getSQLState())) {
          throw e;
        }
      }
      // No CREATEDB: schemas of our own inside the configured database, if we may create them.
      String database = currentDatabase(admin);
      if (!mayCreateSchemas(admin)) {
        throw new ExtensionConfigurationException(
            DatabaseMessages.noCreatePrivilege(provider, url, username, database));
      }
      Leftovers.removeSchemas(admin, config.leftoverAge());
      LOG.log(
          System.Logger.Level.INFO,
          "fixturekit: user [{0}] may not create databases; using schemas {1}_* in database [{2}]",
          username,
          name,
          database);
      String jdbcUrl = PostgresUrl.withParameter(url, "ApplicationName", name);
      return new ExternalDatabase(
          provider,
          url,
          username,
          config.jdbcPassword(),
          name,
          Mode.SCHEMA,
          jdbcUrl,
          version,
          config);
    } catch (SQLException e) {
      throw new ExtensionConfigurationException(
          DatabaseMessages.serverFailed(
              provider,
              url,
              username,
              e,
              config.connectTimeout(),
              Duration.ofNanos(System.nanoTime() - started)),
          e);
    }
  }

  static Connection connect(String url, String username, String password, DatabaseConfig config)
      throws SQLException {
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    String seconds = Integer.toString(DatabaseConfig.seconds(config.connectTimeout()));
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    properties.setProperty("ApplicationName", "fixturekit");
    return DriverManager.getConnection(url, properties);
  }

  /**
   * {@code fixturekit_<server time, UTC>_<pid>_<random>}: unique per JVM, and dated for {@link
   * Leftovers}.
   */
  private static String newName(Connection admin) throws SQLException {
    String stamp;
    try (Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery("select to_char(now() at time zone 'UTC', 'YYYYMMDDHH24MISS')")) {
      rs.next();
      stamp = rs.getString(1);
    }
    long pid = ProcessHandle.current().pid();
    int random = ThreadLocalRandom.current().nextInt(0x10000);
    return NAME_PREFIX + stamp + "_" + pid + "_" + String.format("%04x", random);
  }

  private static String currentDatabase(Connection admin) throws SQLException {
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("select current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static boolean mayCreateSchemas(Connection admin) throws SQLException {
    try (Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select has_database_privilege(current_user, current_database(), 'CREATE')")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** This JVM's name on the server: its database, or the prefix of its schemas. */
  public String name() {
    return name;
  }

  public Mode mode() {
    return mode;
  }

  @Override
  public String schemaFor(String entitySetSchema) {
    if (mode == Mode.DATABASE) {
      return entitySetSchema;
    }
    String suffix =
        entitySetSchema.startsWith(NAME_PREFIX)
            ? entitySetSchema.substring(NAME_PREFIX.length())
            : entitySetSchema;
    return name + "_" + suffix;
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public String jdbcUrl() {
    return jdbcUrl;
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String password() {
    return password == null ? "" : password;
  }

  @Override
  public String serverVersion() {
    return serverVersion;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try (Connection admin = connect(adminUrl, username, password, config);
        Statement statement = admin.createStatement()) {
      if (mode == Mode.DATABASE) {
        int major = admin.getMetaData().getDatabaseMajorVersion();
        // WITH (FORCE) ends connections that a test leaked into our database (PostgreSQL 13+).
        statement.execute(
            "DROP DATABASE IF EXISTS " + quote(name) + (major >= 13 ? " WITH (FORCE)" : ""));
      } else {
        terminateOwnConnections(admin);
        statement.execute("SET lock_timeout = '" + config.startupTimeout().toMillis() + "ms'");
        for (String schema : ownSchemas(admin)) {
          statement.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
        }
      }
    } catch (SQLException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "fixturekit could not remove its "
              + (mode == Mode.DATABASE ? "database" : "schemas")
              + " ["
              + name
              + "] on the "
              + provider
              + " server: "
              + e.getMessage()
              + "; the next run removes it once it is older than fixturekit.leftover-age");
    }
  }

  /** Schemas whose name is this JVM's name, then {@code _} and a suffix: ours and only ours. */
  private List<String> ownSchemas(Connection admin) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (PreparedStatement s =
        admin.prepareStatement(
            "select nspname from pg_namespace where left(nspname, ?) = ? order by 1")) {
      s.setInt(1, name.length() + 1);
      s.setString(2, name + "_");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
    }
    return schemas;
  }

  /** Connections a test leaked into our schemas would hold locks that block DROP SCHEMA. */
  private void terminateOwnConnections(Connection admin) {
    try (PreparedStatement s =
        admin.prepareStatement(
            "select pg_terminate_backend(pid) from pg_stat_activity"
                + " where application_name = ? and pid <> pg_backend_pid()")) {
      s.setString(1, name);
      s.executeQuery().close();
    } catch (SQLException e) {
      // Not allowed for this user: DROP SCHEMA then waits at most lock_timeout.
    }
  }
}
