package io.github.fixturekit.internal.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A throwaway database that fixturekit creates on a configured server and drops on close. The
 * configured database is used only to run {@code CREATE DATABASE} and {@code DROP DATABASE} for
 * fixturekit's own database; nothing in it is created, altered or dropped.
 */
public final class ExternalDatabase implements ServerDatabase {

  /** Every database fixturekit creates starts with this prefix. */
  public static final String NAME_PREFIX = "fixturekit_";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private final String adminUrl;
  private final String username;
  private final String password;
  private final String name;
  private final String jdbcUrl;
  private final String serverVersion;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ExternalDatabase(
      String adminUrl, String username, String password, String name, String jdbcUrl, String serverVersion) {
    this.adminUrl = adminUrl;
    this.username = username;
    this.password = password;
    this.name = name;
    this.jdbcUrl = jdbcUrl;
    this.serverVersion = serverVersion;
  }

  /**
   * Creates fixturekit's database on the server {@code url} points to.
   *
   * @throws ExtensionConfigurationException when the URL is malformed, the server cannot be reached,
   *     the credentials are refused, or the user may not create databases
   */
  public static ExternalDatabase create(String url, String username, String password) {
    PostgresUrl parsed;
    try {
      parsed = PostgresUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "fixturekit.jdbc.url " + e.getMessage() + ". Fix the setting, or unset it to use the"
              + " embedded database.");
    }
    String name = newName();
    try (Connection admin = connect(url, username, password);
        Statement statement = admin.createStatement()) {
      String version = admin.getMetaData().getDatabaseProductVersion();
      statement.execute("CREATE DATABASE " + quote(name));
      return new ExternalDatabase(url, username, password, name, parsed.withDatabase(name), version);
    } catch (SQLException e) {
      throw new ExtensionConfigurationException(DatabaseMessages.externalFailed(url, username, e), e);
    }
  }

  static Connection connect(String url, String username, String password) throws SQLException {
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "fixturekit");
    return DriverManager.getConnection(url, properties);
  }

  private static String newName() {
    long pid = ProcessHandle.current().pid();
    int random = ThreadLocalRandom.current().nextInt(0x10000);
    return NAME_PREFIX
        + LocalDateTime.now(ZoneOffset.UTC).format(STAMP)
        + "_"
        + pid
        + "_"
        + String.format("%04x", random);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** The name of fixturekit's database on the server. */
  public String name() {
    return name;
  }

  @Override
  public String provider() {
    return "external";
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
    try (Connection admin = connect(adminUrl, username, password);
        Statement statement = admin.createStatement()) {
      int major = admin.getMetaData().getDatabaseMajorVersion();
      // WITH (FORCE) ends connections that a test leaked into our database (PostgreSQL 13+).
      statement.execute(
          "DROP DATABASE IF EXISTS " + quote(name) + (major >= 13 ? " WITH (FORCE)" : ""));
    } catch (SQLException e) {
      System.getLogger(ExternalDatabase.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "fixturekit could not drop its database [" + name + "]: " + e.getMessage());
    }
  }
}
