package io.github.fixturekit.internal.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database that fixturekit did not create, on the test server, filled with rows (including a
 * table named like one of the test model's, and a schema named like fixturekit's), dropped on
 * close.
 */
public final class ForeignDatabase implements AutoCloseable {

  public static final String SERVER_URL =
      System.getenv()
          .getOrDefault("FIXTUREKIT_TEST_SERVER_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String SERVER_USER =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_USER", "postgres");
  public static final String SERVER_PASSWORD =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_PASSWORD", "");

  private final String name;
  private final String url;

  private ForeignDatabase(String name) {
    this.name = name;
    this.url = PostgresUrl.parse(SERVER_URL).withDatabase(name);
  }

  /** Whether the test server answers; tests that need it are skipped otherwise. */
  @SuppressWarnings("try") // only whether it opens
  public static boolean serverAnswers() {
    try (Connection ignored =
        DriverManager.getConnection(SERVER_URL, SERVER_USER, SERVER_PASSWORD)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  public static ForeignDatabase create() throws SQLException {
    String name = "fkx_foreign_" + Long.toHexString(System.nanoTime() & 0xffffffL);
    try (Connection c = DriverManager.getConnection(SERVER_URL, SERVER_USER, SERVER_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    ForeignDatabase database = new ForeignDatabase(name);
    database.execute(
        "create table ex_people (id bigint primary key, email varchar(200) unique, name text);"
            + " insert into ex_people select g, 'user' || g || '@example.org', md5(g::text) from generate_series(1, 500) g;"
            + " create table invoices (id serial primary key, total numeric(12,2), issued timestamptz default now());"
            + " insert into invoices (total) select g * 1.5 from generate_series(1, 300) g;"
            + " create schema fixturekit_0123456789ab;"
            + " create table fixturekit_0123456789ab.ex_people (id int primary key);"
            + " insert into fixturekit_0123456789ab.ex_people select generate_series(1, 20);"
            + " create schema app; create table app.settings (k text primary key, v text);"
            + " insert into app.settings values ('mode', 'production'), ('owner', 'someone else')");
    return database;
  }

  public String name() {
    return name;
  }

  public String url() {
    return url;
  }

  public void grantCreate(String role) throws SQLException {
    execute("grant create on database " + name + " to " + role);
  }

  public void execute(String sql) throws SQLException {
    executeAs(SERVER_USER, SERVER_PASSWORD, sql);
  }

  public void executeAs(String user, String password, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Every relation outside the system schemas, with a digest of each table's rows. */
  public List<String> snapshot() throws SQLException {
    List<String> relations =
        strings(
            "select n.nspname || '.' || c.relname || ':' || c.relkind::text from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') order by 1");
    List<String> snapshot = new ArrayList<>(relations);
    for (String relation : relations) {
      if (relation.endsWith(":r")) {
        String table = relation.substring(0, relation.length() - 2);
        String[] parts = table.split("\\.", 2);
        snapshot.addAll(
            strings(
                "select '"
                    + table
                    + "=' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                    + " from \""
                    + parts[0]
                    + "\".\""
                    + parts[1]
                    + "\" t"));
      }
    }
    snapshot.addAll(strings("select 'schema:' || nspname from pg_namespace order by 1"));
    return snapshot;
  }

  public List<String> schemas() throws SQLException {
    return strings("select nspname from pg_namespace order by 1");
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, SERVER_USER, SERVER_PASSWORD);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER_URL, SERVER_USER, SERVER_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    }
  }
}
