package io.github.fixturekit.internal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what killed runs left on a shared server: databases and schemas whose whole name has
 * fixturekit's form ({@code fixturekit_<UTC time>_<pid>_<random>}), dated older than the configured
 * age by the server's clock, and with no open connection. Anything else is never looked at twice.
 */
final class Leftovers {

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** A JVM's name: a database, or the prefix of its schemas. */
  static final Pattern DATABASE = Pattern.compile("fixturekit_(\\d{14})_\\d{1,10}_[0-9a-f]{4}");

  /** A schema made by a JVM without CREATEDB: its name, then the entity set's hash. */
  static final Pattern SCHEMA =
      Pattern.compile("(fixturekit_(\\d{14})_\\d{1,10}_[0-9a-f]{4})_[0-9a-f]{12}");

  private Leftovers() {}

  static List<String> removeDatabases(Connection admin, Duration age) throws SQLException {
    LocalDateTime now = serverNow(admin);
    List<String> candidates = new ArrayList<>();
    try (Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select d.datname from pg_database d where d.datname like 'fixturekit\\_%'"
                    + " and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)")) {
      while (rs.next()) {
        Matcher m = DATABASE.matcher(rs.getString(1));
        if (m.matches() && olderThan(m.group(1), now, age)) {
          candidates.add(rs.getString(1));
        }
      }
    }
    List<String> removed = new ArrayList<>();
    for (String name : candidates) {
      // No FORCE: a database someone connected to in the meantime makes this fail, and stays.
      try (Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + ExternalDatabase.quote(name));
        removed.add(name);
      } catch (SQLException e) {
        LOG.log(
            System.Logger.Level.DEBUG, "fixturekit left [" + name + "] alone: " + e.getMessage());
      }
    }
    report("databases", removed);
    return removed;
  }

  static List<String> removeSchemas(Connection admin, Duration age) throws SQLException {
    LocalDateTime now = serverNow(admin);
    List<String> candidates = new ArrayList<>();
    try (Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select nspname from pg_namespace where nspname like 'fixturekit\\_%'")) {
      while (rs.next()) {
        Matcher m = SCHEMA.matcher(rs.getString(1));
        if (m.matches() && olderThan(m.group(2), now, age) && !connected(admin, m.group(1))) {
          candidates.add(rs.getString(1));
        }
      }
    }
    List<String> removed = new ArrayList<>();
    boolean autoCommit = admin.getAutoCommit();
    try (Statement s = admin.createStatement()) {
      s.execute("SET lock_timeout = '2s'");
      for (String schema : candidates) {
        try {
          s.execute("DROP SCHEMA IF EXISTS " + ExternalDatabase.quote(schema) + " CASCADE");
          removed.add(schema);
        } catch (SQLException e) {
          LOG.log(
              System.Logger.Level.DEBUG,
              "fixturekit left [" + schema + "] alone: " + e.getMessage());
        }
      }
      s.execute("RESET lock_timeout");
    } finally {
      admin.setAutoCommit(autoCommit);
    }
    report("schemas", removed);
    return removed;
  }

  /**
   * Whether a connection of the JVM named {@code name} is open (its URL carries ApplicationName).
   */
  private static boolean connected(Connection admin, String name) throws SQLException {
    try (PreparedStatement s =
        admin.prepareStatement(
            "select count(*) from pg_stat_activity where application_name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static boolean olderThan(String stamp, LocalDateTime now, Duration age) {
    try {
      return LocalDateTime.parse(stamp, STAMP).plus(age).isBefore(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static LocalDateTime serverNow(Connection admin) throws SQLException {
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("select (now() at time zone 'UTC')::timestamp")) {
      rs.next();
      return rs.getObject(1, LocalDateTime.class);
    }
  }

  private static void report(String what, List<String> removed) {
    if (!removed.isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          "fixturekit removed {0} left behind by killed runs: {1}",
          what,
          String.join(", ", removed));
    }
  }
}
