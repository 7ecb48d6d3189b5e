package io.github.fixturekit.internal.database;

import io.github.fixturekit.internal.Causes;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;

/** Messages for a database that cannot be provided: what failed, in which provider, what to try. */
public final class DatabaseMessages {

  /** The ways a user can give fixturekit a database, for every "could not start" message. */
  public static final String THREE_WAYS =
      "fixturekit needs a PostgreSQL, provided one of three ways: (1) external: set"
          + " fixturekit.jdbc.url (with fixturekit.jdbc.user and fixturekit.jdbc.password) to a server;"
          + " (2) testcontainers: start a Docker engine and put"
          + " org.testcontainers:testcontainers-postgresql on the test classpath;"
          + " (3) embedded: fixturekit.database=embedded, PostgreSQL binaries from Maven Central";

  private DatabaseMessages() {}

  /**
   * A server that could not be used; {@code provider} is {@code external} or {@code
   * testcontainers}.
   */
  static String serverFailed(
      String provider,
      String url,
      String user,
      SQLException e,
      Duration connectTimeout,
      Duration waited) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String what;
    if (state.equals("28P01") || state.equals("28000")) {
      what =
          "the server refused user ["
              + user
              + "] (wrong password or no access): check fixturekit.jdbc.user and fixturekit.jdbc.password";
    } else if (state.startsWith("08") && refused(e)) {
      what =
          "the connection was refused: nothing accepts connections on that host and port; check"
              + " them, and that PostgreSQL is running there";
    } else if (state.startsWith("08") && waited.compareTo(connectTimeout.dividedBy(2)) < 0) {
      // a failure long before the timeout: something answered, and not as PostgreSQL does
      what =
          "something accepts connections on that host and port but ended the connection before"
              + " PostgreSQL's login (it may not be a PostgreSQL server, or it refuses this client):"
              + " check the port (PostgreSQL's is 5432 unless configured otherwise) and the server's"
              + " log";
    } else if (state.startsWith("08")) {
      what =
          "the server cannot be reached within "
              + connectTimeout.toMillis()
              + " ms: check the host and port, that PostgreSQL is running, or raise"
              + " fixturekit.timeout.connect";
    } else if (state.equals("3D000")) {
      what = "the database in the URL does not exist: name one that does, such as postgres";
    } else {
      what = "the server answered " + state;
    }
    return "fixturekit could not create its database on the "
        + provider
        + " server ["
        + PostgresUrl.redacted(url)
        + "]: "
        + what
        + ". ("
        + e.getMessage()
        + ") "
        + THREE_WAYS
        + ".";
  }

  /** Whether the host answered that nothing listens on the port (no wait would help). */
  private static boolean refused(Throwable e) {
    for (Throwable t : Causes.of(e)) {
      // "Connection refused", not "Network is unreachable", which is a ConnectException too
      if (t instanceof ConnectException && String.valueOf(t.getMessage()).contains("refused")) {
        return true;
      }
    }
    return false;
  }

  static String noCreatePrivilege(String provider, String url, String user, String database) {
    return "fixturekit could not create its database on the "
        + provider
        + " server ["
        + PostgresUrl.redacted(url)
        + "]: user ["
        + user
        + "] may neither create databases nor create schemas in database ["
        + database
        + "]: grant one (ALTER ROLE "
        + user
        + " CREATEDB, or GRANT CREATE ON DATABASE "
        + database
        + " TO "
        + user
        + ") or use another user. "
        + THREE_WAYS
        + ".";
  }

  public static String choiceCannotBeMet(String choice, String why) {
    return "fixturekit.database is [" + choice + "] but " + why + ". " + THREE_WAYS + ".";
  }

  public static String embeddedFailed(String what, String tryThis) {
    return "fixturekit could not start the embedded PostgreSQL: "
        + what
        + ". "
        + tryThis
        + ". "
        + THREE_WAYS
        + ".";
  }

  public static String containerFailed(String image, String what) {
    return "fixturekit could not start the testcontainers PostgreSQL from image ["
        + image
        + "]: "
        + what
        + ". Check that the image exists locally or can be pulled (docker pull "
        + image
        + "), that it behaves like the official postgres image, or set fixturekit.testcontainers.image"
        + " to another; raise fixturekit.timeout.startup for a slow engine. "
        + THREE_WAYS
        + ".";
  }
}
