package io.github.fixturekit.internal;

import io.github.fixturekit.internal.database.ServerDatabase;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Notices that the run's database stopped answering, so that the remaining tests fail at once with
 * one message instead of each waiting for the connection pool to give up. Once a test's failure
 * turns out to be a lost connection and a fresh connection is refused too, every later test checks
 * the server once more (briefly) and, if it still does not answer, fails without waiting.
 */
final class ServerWatch {

  /** How long a check of a server that is thought gone may take. */
  static final Duration CHECK = Duration.ofSeconds(2);

  private final ServerDatabase server;
  private volatile String lostIn;

  ServerWatch(ServerDatabase server) {
    this.server = server;
  }

  /** Fails at once when the server was found gone and still does not answer. */
  void requireServer(String test) {
    if (lostIn == null) {
      return;
    }
    Optional<String> refused = refusal();
    if (refused.isEmpty()) {
      lostIn = null; // back again: the pool replaces its dead connections on the next borrow
      return;
    }
    throw new IllegalStateException(
        Messages.databaseStillLost(test, server.jdbcUrl(), lostIn, refused.get()));
  }

  /**
   * What to throw for {@code failure} of {@code test}: itself, or, when it is a lost connection and
   * the server does not answer a fresh one, an explanation that later tests repeat at once.
   */
  RuntimeException explain(RuntimeException failure, String test) {
    return notice(failure, test)
        .<RuntimeException>map(
            refused ->
                new IllegalStateException(
                    Messages.databaseLost(test, server.jdbcUrl(), refused), failure))
        .orElse(failure);
  }

  /**
   * When {@code failure} is a lost connection and the server refuses a fresh one, remembers that
   * the server is gone and returns why; else empty.
   */
  Optional<String> notice(Throwable failure, String test) {
    if (lostIn != null || !isConnectionLoss(failure)) {
      return Optional.empty();
    }
    Optional<String> refused = refusal();
    refused.ifPresent(reason -> lostIn = test);
    return refused;
  }

  /** Why a fresh connection was refused, or empty when the server answers. */
  private Optional<String> refusal() {
    Properties properties = new Properties();
    properties.setProperty("user", server.username());
    if (server.password() != null) {
      properties.setProperty("password", server.password());
    }
    String seconds = Long.toString(CHECK.toSeconds());
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    properties.setProperty("socketTimeout", seconds);
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties)) {
      return connection.isValid((int) CHECK.toSeconds())
          ? Optional.empty()
          : Optional.of("the connection was not valid");
    } catch (SQLException e) {
      return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /**
   * Whether {@code failure} comes from a connection that broke or could not be made: SQL state
   * class 08 or an operator's intervention (57P01-57P03: the server shuts down, crashed, or cannot
   * take connections yet), a pool that timed out, or a socket error down the cause chain.
   */
  static boolean isConnectionLoss(Throwable failure) {
    for (Throwable t : Causes.of(failure)) {
      if (t instanceof SQLTransientConnectionException || t instanceof SocketException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }
}
