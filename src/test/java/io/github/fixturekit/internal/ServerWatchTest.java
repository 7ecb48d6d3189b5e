package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fixturekit.internal.database.ServerDatabase;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How fixturekit tells a lost database from other failures and stops waiting for it, asked of
 * {@link ServerWatch} directly: with a server that refuses connections (a port nothing listens on),
 * the real local server where it answers (skipped where it does not), and a driver of the test's
 * own that notes what it was asked.
 */
class ServerWatchTest {

  static final String SERVER_URL =
      System.getenv()
          .getOrDefault("FIXTUREKIT_TEST_SERVER_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String SERVER_USER =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_USER", "postgres");
  static final String SERVER_PASSWORD =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_PASSWORD", "");

  /** A server database whose address the test can change, as a server goes and comes back. */
  static final class FakeServer implements ServerDatabase {
    volatile String url;
    final String user;
    final String password;

    FakeServer(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    public String provider() {
      return "fake";
    }

    @Override
    public String jdbcUrl() {
      return url;
    }

    @Override
    public String username() {
      return user;
    }

    @Override
    public String password() {
      return password;
    }

    @Override
    public String serverVersion() {
      return "0";
    }

    @Override
    public void close() {}
  }

  /** A URL of a local port nothing listens on: connections to it are refused at once. */
  static String refusingUrl() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError("no free port", e);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  static String portOf(String url) {
    return url.replaceAll("^.*:(\\d+)/.*$", "$1");
  }

  static void assumeServerAnswers() {
    try (Connection connection =
        DriverManager.getConnection(SERVER_URL, SERVER_USER, SERVER_PASSWORD)) {
      assumeTrue(connection.isValid(5), "the server at " + SERVER_URL + " does not answer");
    } catch (SQLException e) {
      assumeTrue(false, "no PostgreSQL server at " + SERVER_URL + " (" + e.getMessage() + ")");
    }
  }

  static SQLException withState(String state) {
    return new SQLException("failed with " + state, state);
  }

  /** The failure a test sees when its connection broke. */
  static RuntimeException lostConnection() {
    return new IllegalStateException("the test failed", withState("08006"));
  }

  @Nested
  class WhatIsAConnectionLoss {

    /** An exception that gives itself as its cause, as some wrappers do. */
    static final class OwnCause extends RuntimeException {
      private static final long serialVersionUID = 1L;

      OwnCause() {
        super("own cause");
      }

      @Override
      public synchronized Throwable getCause() {
        return this;
      }
    }

    @Test
    void aPoolThatTimedOutIs() {
      assertThat(ServerWatch.isConnectionLoss(new SQLTransientConnectionException("timed out")))
          .isTrue();
      assertThat(
              ServerWatch.isConnectionLoss(
                  new IllegalStateException(new SQLTransientConnectionException("timed out"))))
          .isTrue();
    }

    @Test
    void aSocketErrorAnywhereDownTheCauseChainIs() {
      assertThat(ServerWatch.isConnectionLoss(new SocketException("reset"))).isTrue();
      assertThat(
              ServerWatch.isConnectionLoss(
                  new IllegalStateException(
                      new RuntimeException(new SQLException(new ConnectException("refused"))))))
          .isTrue();
    }

    @Test
    void sqlStateClass08Is() {
      assertThat(ServerWatch.isConnectionLoss(withState("08006"))).isTrue();
      assertThat(ServerWatch.isConnectionLoss(withState("08001"))).isTrue();
      assertThat(ServerWatch.isConnectionLoss(new RuntimeException(withState("08P01")))).isTrue();
    }

    @Test
    void theServerShuttingDownCrashedOrNotYetTakingConnectionsIs() {
      assertThat(ServerWatch.isConnectionLoss(withState("57P01"))).isTrue();
      assertThat(ServerWatch.isConnectionLoss(withState("57P02"))).isTrue();
      assertThat(ServerWatch.isConnectionLoss(withState("57P03"))).isTrue();
    }

    @Test
    void otherStatesAreNot() {
      assertThat(ServerWatch.isConnectionLoss(withState("23505"))).isFalse();
      assertThat(ServerWatch.isConnectionLoss(withState("57P04"))).isFalse();
      assertThat(ServerWatch.isConnectionLoss(withState("57014"))).isFalse();
      assertThat(ServerWatch.isConnectionLoss(withState("57P01X"))).isFalse();
      assertThat(ServerWatch.isConnectionLoss(withState("4208"))).isFalse();
      assertThat(ServerWatch.isConnectionLoss(new IllegalStateException("no SQL at all")))
          .isFalse();
    }

    @Test
    void anSqlExceptionWithoutStateIsNotButItsCauseStillCounts() {
      assertThat(ServerWatch.isConnectionLoss(new SQLException("no state"))).isFalse();
      assertThat(ServerWatch.isConnectionLoss(new SQLException("no state", withState("08003"))))
          .isTrue();
    }

    @Test
    @Timeout(10)
    void anExceptionThatIsItsOwnCauseEndsTheSearch() {
      assertThat(new OwnCause().getCause()).isInstanceOf(OwnCause.class);

      assertThat(ServerWatch.isConnectionLoss(new OwnCause())).isFalse();
      assertThat(ServerWatch.isConnectionLoss(new RuntimeException(new OwnCause()))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsBackEndsTheSearch() {
      RuntimeException first = new RuntimeException("first");
      IllegalStateException second = new IllegalStateException("second");
      first.initCause(second);
      second.initCause(first);

      assertThat(ServerWatch.isConnectionLoss(first)).isFalse();
      assertThat(ServerWatch.isConnectionLoss(new RuntimeException(second))).isFalse();
    }

    @Test
    void aLostConnectionInsideALoopingChainIsStillFound() {
      RuntimeException first = new RuntimeException("first");
      SQLException lost = new SQLException("connection reset", "08006");
      IllegalStateException third = new IllegalStateException("third");
      first.initCause(third);
      third.initCause(lost);
      lost.initCause(first);

      assertThat(ServerWatch.isConnectionLoss(first)).isTrue();
    }
  }

  @Nested
  class WhenTheServerRefuses {

    final FakeServer server =
        new FakeServer(
            refusingUrl(), SERVER_USER, SERVER_PASSWORD.isEmpty() ? null : SERVER_PASSWORD);
    final ServerWatch watch = new ServerWatch(server);

    @Test
    void aFailureThatIsNoConnectionLossIsThrownAsItIsAndNothingIsRemembered() {
      RuntimeException failure = new IllegalStateException("assertion", withState("23505"));

      assertThat(watch.explain(failure, "first")).isSameAs(failure);
      assertThat(watch.notice(failure, "first")).isEmpty();
      watch.requireServer("second");
      assertThat(watch.notice(lostConnection(), "second")).isPresent();
    }

    @Test
    void aLostConnectionIsExplainedWithTheRefusalAndKeepsTheFailureAsItsCause() {
      RuntimeException failure = lostConnection();

      RuntimeException explained = watch.explain(failure, "lost test");

      assertThat(explained)
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasCause(failure)
          .hasMessageStartingWith(
              "fixturekit's database at ["
                  + server.url
                  + "] stopped answering during [lost test], and a new connection is refused too"
                  + " (Connection to 127.0.0.1:"
                  + portOf(server.url)
                  + " refused")
          .hasMessageEndingWith("then run the tests again");
      assertThat(explained.getCause()).isSameAs(failure);
    }

    @Test
    void laterTestsFailAtOnceNamingTheTestThatLostItAndTheRefusal() {
      watch.explain(lostConnection(), "lost test");

      assertThatThrownBy(() -> watch.requireServer("later test"))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "[later test] did not run: fixturekit's database at ["
                  + server.url
                  + "] stopped answering during [lost test] and still refuses connections"
                  + " (Connection to 127.0.0.1:"
                  + portOf(server.url)
                  + " refused");
      assertThatThrownBy(() -> watch.requireServer("yet another test"))
          .hasMessageStartingWith("[yet another test] did not run")
          .hasMessageContaining("during [lost test]");
    }

    @Test
    void aLossOnceNoticedIsNotExplainedAgain() {
      Optional<String> first = watch.notice(lostConnection(), "lost test");
      RuntimeException second = lostConnection();

      assertThat(first).get().asString().contains("refused");
      assertThat(watch.notice(lostConnection(), "later test")).isEmpty();
      assertThat(watch.explain(second, "later test")).isSameAs(second);
      assertThatThrownBy(() -> watch.requireServer("third test"))
          .hasMessageContaining("during [lost test]");
    }

    @Test
    void onceTheServerAnswersAgainLaterTestsRunAndTheWatchStartsAfresh() {
      assumeServerAnswers();
      String refusing = server.url;
      assertThat(watch.notice(lostConnection(), "lost test")).isPresent();

      server.url = SERVER_URL;
      watch.requireServer("after the restart");

      server.url = refusing;
      watch.requireServer("not checked again");
      assertThat(watch.explain(lostConnection(), "lost again"))
          .hasMessageContaining("stopped answering during [lost again]");
    }
  }

  @Nested
  class WhenTheServerAnswers {

    @Test
    void aLostConnectionIsThrownAsItIsAndNothingIsRemembered() {
      assumeServerAnswers();
      ServerWatch watch = new ServerWatch(new FakeServer(SERVER_URL, SERVER_USER, SERVER_PASSWORD));
      RuntimeException failure = lostConnection();

      assertThat(watch.explain(failure, "first")).isSameAs(failure);
      assertThat(watch.notice(lostConnection(), "first")).isEmpty();
      watch.requireServer("second");
    }

    @Test
    void withOrWithoutAPassword() {
      assumeServerAnswers();
      ServerWatch withPassword = new ServerWatch(new FakeServer(SERVER_URL, SERVER_USER, "any"));
      ServerWatch without = new ServerWatch(new FakeServer(SERVER_URL, SERVER_USER, null));

      assertThat(withPassword.notice(lostConnection(), "first")).isEmpty();
      assertThat(without.notice(lostConnection(), "first")).isEmpty();
    }
  }

  /**
   * What the watch asks of a driver, seen by a driver of the test's own for URLs {@code
   * jdbc:fixturekit-watch:<answer>:<unique>}; the answer is {@code valid}, {@code invalid}, {@code
   * refused} or {@code refused-silently}.
   */
  @Nested
  class WhatItAsksTheDriver {

    static final String PREFIX = "jdbc:fixturekit-watch:";
    static final Map<String, Properties> PROPERTIES = new ConcurrentHashMap<>();
    static final Map<String, Integer> VALID_TIMEOUTS = new ConcurrentHashMap<>();

    static final Driver DRIVER =
        new Driver() {
          @Override
          public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
              return null;
            }
            Properties seen = new Properties();
            seen.putAll(info);
            PROPERTIES.put(url, seen);
            String answer = url.substring(PREFIX.length(), url.lastIndexOf(':'));
            if (answer.equals("refused")) {
              throw new SQLNonTransientConnectionException("refused by the test driver", "08001");
            }
            if (answer.equals("refused-silently")) {
              throw new SQLNonTransientConnectionException(null, "08001");
            }
            return connection(url, answer.equals("valid"));
          }

          @Override
          public boolean acceptsURL(String url) {
            return url.startsWith(PREFIX);
          }

          @Override
          public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
          }

          @Override
          public int getMajorVersion() {
            return 1;
          }

          @Override
          public int getMinorVersion() {
            return 0;
          }

          @Override
          public boolean jdbcCompliant() {
            return false;
          }

          @Override
          public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
          }
        };

    static {
      try {
        DriverManager.registerDriver(DRIVER);
      } catch (SQLException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    static Connection connection(String url, boolean valid) {
      return (Connection)
          Proxy.newProxyInstance(
              ServerWatchTest.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "isValid" -> {
                      VALID_TIMEOUTS.put(url, (Integer) args[0]);
                      yield valid;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }

    static String url(String answer) {
      return PREFIX + answer + ":" + UUID.randomUUID();
    }

    @Test
    void theUserPasswordAndTimeoutsOfTwoSecondsAndAValidityCheckOfTwoSeconds() {
      String url = url("valid");
      ServerWatch watch = new ServerWatch(new FakeServer(url, "alice", "secret"));

      assertThat(watch.notice(lostConnection(), "test")).isEmpty();

      assertThat(PROPERTIES.get(url))
          .containsOnly(
              Map.entry("user", "alice"),
              Map.entry("password", "secret"),
              Map.entry("connectTimeout", "2"),
              Map.entry("loginTimeout", "2"),
              Map.entry("socketTimeout", "2"));
      assertThat(VALID_TIMEOUTS.get(url)).isEqualTo(2);
      assertThat(ServerWatch.CHECK).hasSeconds(2);
    }

    @Test
    void noPasswordWhereTheServerHasNone() {
      String url = url("valid");
      ServerWatch watch = new ServerWatch(new FakeServer(url, "bob", null));

      assertThat(watch.notice(lostConnection(), "test")).isEmpty();

      assertThat(PROPERTIES.get(url))
          .containsEntry("user", "bob")
          .doesNotContainKey("password")
          .hasSize(4);
    }

    @Test
    void aConnectionThatIsNotValidCountsAsRefused() {
      ServerWatch watch = new ServerWatch(new FakeServer(url("invalid"), "alice", null));

      assertThat(watch.notice(lostConnection(), "test")).contains("the connection was not valid");
    }

    @Test
    void aRefusalGivesTheDriversMessageOrElseTheExceptionItself() {
      ServerWatch loud = new ServerWatch(new FakeServer(url("refused"), "alice", null));
      ServerWatch silent = new ServerWatch(new FakeServer(url("refused-silently"), "alice", null));

      assertThat(loud.notice(lostConnection(), "test")).contains("refused by the test driver");
      assertThat(silent.notice(lostConnection(), "test"))
          .contains("java.sql.SQLNonTransientConnectionException");
    }

    @Test
    void aServerThatComesBackIsNoticedByRequireServer() {
      FakeServer server = new FakeServer(url("refused"), "alice", null);
      ServerWatch watch = new ServerWatch(server);
      assertThat(watch.notice(lostConnection(), "lost test")).isPresent();
      String refused = server.url;

      assertThatThrownBy(() -> watch.requireServer("later test"))
          .hasMessageStartingWith("[later test] did not run")
          .hasMessageContaining(
              "at ["
                  + refused
                  + "] stopped answering during [lost test] and still refuses"
                  + " connections (refused by the test driver)");

      server.url = url("valid");
      watch.requireServer("after the restart");
      assertThat(PROPERTIES).containsKey(server.url);

      server.url = refused;
      watch.requireServer("not checked again");
      assertThat(watch.notice(lostConnection(), "lost again"))
          .contains("refused by the test driver");
    }
  }
}
