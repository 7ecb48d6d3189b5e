package io.github.fixturekit.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one PostgreSQL server every benchmark runs against: {@code bench.jdbc.url} (default the local
 * server's {@code postgres} database), {@code bench.jdbc.user}, {@code bench.jdbc.password}, as
 * system properties. Baselines get databases of their own here, dropped when they close; nothing
 * else on the server is touched.
 */
public final class BenchServer {

  public static final String URL =
      System.getProperty("bench.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER = System.getProperty("bench.jdbc.user", "postgres");
  public static final String PASSWORD = System.getProperty("bench.jdbc.password", "");

  private BenchServer() {}

  public static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(url, properties);
  }

  /** A new, empty database on the server, named {@code fkbench_<pid>_<random>}. */
  public static Database createDatabase() {
    String name =
        "fkbench_" + ProcessHandle.current().pid() + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 1);
    try (Connection admin = connect(URL); Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create a benchmark database on " + URL + " as " + USER + ": " + e.getMessage()
              + ". Point BENCH_JDBC_URL, BENCH_JDBC_USER and BENCH_JDBC_PASSWORD (environment of benchmarks/run) at a server where this user may CREATE DATABASE.",
          e);
    }
    return new Database(name, URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
  }

  /** A database this run created; closing drops it (also from a shutdown hook, if not closed). */
  public static final class Database implements AutoCloseable {
    private final String name;
    private final String url;
    private final Thread dropAtExit;
    private boolean dropped;

    Database(String name, String url) {
      this.name = name;
      this.url = url;
      this.dropAtExit = new Thread(this::drop, "drop " + name);
      Runtime.getRuntime().addShutdownHook(dropAtExit);
    }

    public String name() {
      return name;
    }

    public String url() {
      return url;
    }

    private synchronized void drop() {
      if (dropped) {
        return;
      }
      try (Connection admin = connect(URL); Statement statement = admin.createStatement()) {
        statement.execute("drop database if exists " + name + " with (force)");
        dropped = true;
      } catch (SQLException e) {
        System.err.println("could not drop benchmark database " + name + ": " + e.getMessage());
      }
    }

    @Override
    public void close() {
      drop();
      try {
        Runtime.getRuntime().removeShutdownHook(dropAtExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway, and finds it dropped
      }
    }
  }
}
