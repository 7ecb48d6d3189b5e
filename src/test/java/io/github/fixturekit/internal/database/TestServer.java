package io.github.fixturekit.internal.database;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL server of the unit tests that build fixturekit's runtime parts afresh: {@code
 * FIXTUREKIT_TEST_SERVER_URL}, else {@code FIXTUREKIT_JDBC_URL}, else {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres} (user and password likewise). Each test class works in
 * a database of its own that {@link #database()} creates and its close drops.
 */
public final class TestServer {

  public static final String URL =
      setting("URL", "FIXTUREKIT_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER = setting("USER", "FIXTUREKIT_JDBC_USER", "postgres");
  public static final String PASSWORD = setting("PASSWORD", "FIXTUREKIT_JDBC_PASSWORD", "");

  private TestServer() {}

  private static String setting(String testKey, String fixturekitKey, String fallback) {
    Map<String, String> env = System.getenv();
    String test = env.get("FIXTUREKIT_TEST_SERVER_" + testKey);
    if (test != null) {
      return test;
    }
    return env.getOrDefault(fixturekitKey, fallback);
  }

  /** Skips the calling tests, with the reason, when no server answers at {@link #URL}. */
  public static void assumeAnswers() {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
      assumeTrue(connection.isValid(5), "the server at " + URL + " does not answer");
    } catch (SQLException e) {
      assumeTrue(false, "no PostgreSQL server at " + URL + " (" + e.getMessage() + ")");
    }
  }

  /** A database of fixturekit's own on the server, dropped on close. */
  public static ExternalDatabase database() {
    assumeAnswers();
    return ExternalDatabase.create(URL, USER, PASSWORD);
  }
}
