package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.benchmarks.BenchServer;
import io.github.fixturekit.benchmarks.peer.TokenValues;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The raw JDBC side of a benchmark: the same tables (as Hibernate creates them) on a database of its
 * own, one connection whose transaction lasts a measurement iteration and is rolled back after it,
 * and the statements a hand-written fixture would send.
 */
final class JdbcState implements AutoCloseable {

  private static final String INSERT_USER =
      "insert into users (id, email, display_name, created_at, active) values (nextval('users_seq'), ?, ?, ?, ?)";

  private final BenchServer.Database database;
  private final Connection connection;
  private long counter;

  JdbcState() throws SQLException {
    database = BenchServer.createDatabase();
    connection = BenchServer.connect(database.url());
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("create sequence users_seq start with 1 increment by 50");
      ddl.execute("create sequence refresh_tokens_seq start with 1 increment by 50");
      ddl.execute(
          "create table users (id bigint primary key, email varchar(120) not null unique,"
              + " display_name varchar(80) not null, created_at timestamp(6) with time zone not null,"
              + " active boolean not null)");
      ddl.execute(
          "create table refresh_tokens (id bigint primary key, user_id bigint not null references users,"
              + " token_hash varchar(64) not null unique, family_id uuid not null,"
              + " expires_at timestamp(6) with time zone not null, revoked boolean not null)");
    }
    connection.setAutoCommit(false);
  }

  Connection connection() {
    return connection;
  }

  void rollback() throws SQLException {
    connection.rollback();
  }

  /** Binds a new user row's values, the kind of values a hand-written fixture makes up. */
  void bindUser(PreparedStatement insert) throws SQLException {
    long n = ++counter;
    insert.setString(1, "user-" + n + "-" + BigInteger.valueOf(System.nanoTime()).toString(36) + "@example.org");
    insert.setString(2, "User " + n);
    insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    insert.setBoolean(4, true);
  }

  PreparedStatement prepareInsertUser() throws SQLException {
    return connection.prepareStatement(INSERT_USER);
  }

  /** One user: insert (returning its id), then select the row, as create() then reading it would. */
  long insertAndSelectUser() throws SQLException {
    long id;
    try (PreparedStatement insert = connection.prepareStatement(INSERT_USER + " returning id")) {
      bindUser(insert);
      try (ResultSet keys = insert.executeQuery()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement select =
        connection.prepareStatement("select id, email, display_name, created_at, active from users where id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        row.getString(2);
        row.getString(3);
        row.getObject(4, OffsetDateTime.class);
        row.getBoolean(5);
      }
    }
    return id;
  }

  /** One refresh token of {@code userId}, by {@code INSERT ... RETURNING} of the whole row. */
  String insertToken(long userId) throws SQLException {
    String raw = TokenValues.newRaw();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into refresh_tokens (id, user_id, token_hash, family_id, expires_at, revoked)"
                + " values (nextval('refresh_tokens_seq'), ?, ?, ?, ?, false)"
                + " returning id, user_id, token_hash, family_id, expires_at, revoked")) {
      insert.setLong(1, userId);
      insert.setString(2, TokenValues.hash(raw));
      insert.setObject(3, UUID.randomUUID());
      insert.setObject(
          4, OffsetDateTime.ofInstant(Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        row.getLong(1);
        row.getObject(4, UUID.class);
        row.getObject(5, OffsetDateTime.class);
      }
    }
    return raw;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    database.close();
  }
}
