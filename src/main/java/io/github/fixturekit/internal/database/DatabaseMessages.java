package io.github.fixturekit.internal.database;

import java.sql.SQLException;

/** Messages for a database that cannot be provided. */
public final class DatabaseMessages {

  /** The ways a user can give fixturekit a database, for every "could not start" message. */
  public static final String THREE_WAYS =
      "fixturekit needs a PostgreSQL: set fixturekit.jdbc.url (with fixturekit.jdbc.user and"
          + " fixturekit.jdbc.password) to use a server, or leave it unset to use the embedded"
          + " database (fixturekit.database=embedded)";

  private DatabaseMessages() {}

  static String externalFailed(String url, String user, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String what;
    if (state.equals("28P01") || state.equals("28000")) {
      what = "the server refused user [" + user + "]: check fixturekit.jdbc.user and fixturekit.jdbc.password";
    } else if (state.startsWith("08")) {
      what = "the server cannot be reached: check the host and port, and that PostgreSQL is running";
    } else if (state.equals("42501")) {
      what =
          "user ["
              + user
              + "] may not create databases: grant it (ALTER ROLE "
              + user
              + " CREATEDB) or use another user";
    } else if (state.equals("3D000")) {
      what = "the database in the URL does not exist: name one that does, such as postgres";
    } else {
      what = "the server answered " + state;
    }
    return "fixturekit could not create its database on the external server ["
        + url
        + "]: "
        + what
        + ". ("
        + e.getMessage()
        + ") "
        + THREE_WAYS
        + ".";
  }
}
