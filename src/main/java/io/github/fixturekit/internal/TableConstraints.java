package io.github.fixturekit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Unique keys declared on the table ({@code @Table(uniqueConstraints)}, unique {@code @Index}).
 * Making one column of a key unique makes the whole key unique, so one field per key is enough.
 */
final class TableConstraints {

  /** Types for which {@link UniqueValues} can make a value that never repeats. */
  private static final Set<Class<?>> SEQUENCE_TYPES =
      Set.of(
          String.class,
          Long.class,
          long.class,
          Integer.class,
          int.class,
          Short.class,
          short.class,
          BigInteger.class,
          BigDecimal.class,
          UUID.class);

  private TableConstraints() {}

  static List<Field> oneFieldPerUniqueKey(Class<?> type, List<Field> fields) {
    List<String[]> keys = new ArrayList<>();
    // The class's own table, and its superclasses' (the root's table in SINGLE_TABLE, each
    // level's in JOINED): a subclass row must satisfy them all.
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Table table = c.getAnnotation(Table.class);
      if (table == null) {
        continue;
      }
      for (UniqueConstraint constraint : table.uniqueConstraints()) {
        keys.add(constraint.columnNames());
      }
      for (Index index : table.indexes()) {
        if (index.unique()) {
          keys.add(
              Arrays.stream(index.columnList().split(","))
                  .map(column -> column.trim().split("\\s+")[0])
                  .toArray(String[]::new));
        }
      }
    }
    List<Field> chosen = new ArrayList<>();
    for (String[] columns : keys) {
      Arrays.stream(columns)
          .map(column -> fieldOf(column, fields))
          .flatMap(Optional::stream)
          .filter(f -> SEQUENCE_TYPES.contains(f.getType()) && !EntityModel.isLeftAlone(f))
          .findFirst()
          .ifPresent(chosen::add);
    }
    return chosen;
  }

  private static Optional<Field> fieldOf(String column, List<Field> fields) {
    String wanted = column.replace("\"", "").toLowerCase(Locale.ROOT);
    return fields.stream().filter(f -> columnNames(f).contains(wanted)).findFirst();
  }

  /**
   * The names a column of {@code field} can have: its {@code @Column(name)}, else the field name in
   * camel or snake case.
   */
  private static Set<String> columnNames(Field field) {
    Column column = field.getAnnotation(Column.class);
    if (column != null && !column.name().isEmpty()) {
      return Set.of(column.name().toLowerCase(Locale.ROOT));
    }
    String name = field.getName();
    return new HashSet<>(
        List.of(
            name.toLowerCase(Locale.ROOT),
            name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)));
  }
}
