package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Reads the database behind the test's session, with SQL, so assertions see the rows themselves.
 */
final class Rows {

  /** Reads one row; a reader is plain JDBC. */
  @FunctionalInterface
  interface RowReader<R> {
    R read(ResultSet row) throws SQLException;
  }

  private Rows() {}

  /** How many rows {@code table} holds, as this session's transaction sees it. */
  static long count(Session session, String table) {
    return session.createNativeQuery("select count(*) from " + table, Long.class).getSingleResult();
  }

  /** Runs {@code sql} through plain JDBC on the session's connection; it must return one row. */
  static <R> R one(Session session, String sql, RowReader<R> reader, Object... parameters) {
    session.flush();
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
              if (!row.next()) {
                throw new AssertionError("no row for: " + sql);
              }
              R result = reader.read(row);
              if (row.next()) {
                throw new AssertionError("more than one row for: " + sql);
              }
              return result;
            }
          }
        });
  }

  /** The single number {@code sql} returns, through plain JDBC. */
  static Long number(Session session, String sql, Object... parameters) {
    return one(
        session,
        sql,
        r -> {
          long value = r.getLong(1);
          return r.wasNull() ? null : value;
        },
        parameters);
  }

  /** The single text {@code sql} returns, through plain JDBC. */
  static String text(Session session, String sql, Object... parameters) {
    return one(session, sql, r -> r.getString(1), parameters);
  }

  /** Every String field of {@code entity} with a {@code @Column} fits the column's length. */
  static void assertStringsFitColumns(Object entity) {
    for (Class<?> c = entity.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Column column = field.getAnnotation(Column.class);
        int length = column == null ? 255 : column.length();
        field.setAccessible(true);
        Object value;
        try {
          value = field.get(entity);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        if (value != null) {
          assertThat((String) value)
              .as("%s.%s fits @Column(length = %d)", c.getSimpleName(), field.getName(), length)
              .hasSizeLessThanOrEqualTo(length);
        }
        if (column != null && !column.nullable()) {
          assertThat(value).as("%s.%s is NOT NULL", c.getSimpleName(), field.getName()).isNotNull();
        }
      }
    }
  }
}
