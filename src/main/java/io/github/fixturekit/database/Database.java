package io.github.fixturekit.database;

import javax.sql.DataSource;

/**
 * The PostgreSQL database a test runs against, as seen by code under test that opens its own
 * connections. Its coordinates lead to the test class's own schema, so plain SQL such as {@code
 * select count(*) from users} works unqualified.
 *
 * <pre>{@code
 * @Test
 * void countsWithPlainJdbc(Database database, Factory<User> users) throws SQLException {
 *     try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Connections of its own do not see the rows of a test running in {@code ROLLBACK} isolation
 * until that test's transaction commits, which it never does.
 *
 * @since 0.1.0
 */
public interface Database {

  /**
   * The JDBC URL of the database, with {@code currentSchema} set to the entity set's schema.
   *
   * @return a {@code jdbc:postgresql:} URL
   */
  String jdbcUrl();

  /**
   * The user name to connect with.
   *
   * @return the user name
   */
  String username();

  /**
   * The password to connect with (may be empty).
   *
   * @return the password
   */
  String password();

  /**
   * A pooled data source on the same database and schema, owned by fixturekit: do not close it.
   *
   * @return the data source
   */
  DataSource dataSource();
}
