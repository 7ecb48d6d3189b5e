package io.github.fixturekit.internal;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values for unique columns and assigned ids. A sequence per column, shared by the whole JVM, is
 * woven into each value, so two values of a column can never collide in the JVM's database,
 * whatever the random part is; a column counts only its own values, so short columns last long.
 */
final class UniqueValues {

  private static final Map<Field, AtomicLong> PER_FIELD = new ConcurrentHashMap<>();
  private static final int DEFAULT_LENGTH = 255;

  private UniqueValues() {}

  /**
   * A unique value of {@code field}'s type, derived from {@code current} (the random value) where
   * that keeps it readable; null when fixturekit cannot make the type unique.
   */
  static Object next(Field field, Object current, TestRandom random) {
    Class<?> type = field.getType();
    if (type.isEnum() || type == Boolean.class || type == boolean.class) {
      return nextOfFew(field, type);
    }
    long n = PER_FIELD.computeIfAbsent(field, f -> new AtomicLong()).incrementAndGet();
    if (type == String.class) {
      return uniqueString(field, current instanceof String s ? s : "", n);
    }
    if (type == Long.class || type == long.class) {
      return n;
    }
    if (type == Integer.class || type == int.class) {
      return Math.toIntExact(n);
    }
    if (type == Short.class || type == short.class) {
      return (short) Math.toIntExact(n);
    }
    if (type == BigInteger.class) {
      return BigInteger.valueOf(n);
    }
    if (type == BigDecimal.class) {
      // n units of the column's last digit: 1,000 rows fit numeric(5, 2) (0.01 to 10.00).
      Column column = field.getAnnotation(Column.class);
      return BigDecimal.valueOf(n, column == null ? 0 : Math.max(0, column.scale()));
    }
    if (type == UUID.class) {
      return random.uniqueUuid(n);
    }
    return null;
  }

  /**
   * Types with few values take them in turn, per column, so the first ones a run creates differ; a
   * column with more rows than values cannot be unique and the database says so.
   */
  private static Object nextOfFew(Field field, Class<?> type) {
    long n = PER_FIELD.computeIfAbsent(field, f -> new AtomicLong()).getAndIncrement();
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[(int) (n % constants.length)];
    }
    return n % 2 == 1;
  }

  private static String uniqueString(Field field, String random, long n) {
    int length = maxLength(field);
    String suffix = Long.toString(n);
    if (looksLikeEmail(field)) {
      String local = random.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      if (local.isEmpty()) {
        local = "user";
      }
      String domain = "@example.org";
      int room = length - domain.length() - suffix.length() - 1;
      if (room >= 1) {
        return local.substring(0, Math.min(local.length(), Math.min(room, 12))).concat(".")
            + suffix
            + domain;
      }
    }
    if (suffix.length() + 1 > length) {
      if (suffix.length() > length) {
        throw new IllegalStateException(Messages.uniqueColumnTooShort(field, length));
      }
      return suffix;
    }
    String head = random.substring(0, Math.min(random.length(), length - suffix.length() - 1));
    return head + "_" + suffix;
  }

  private static boolean looksLikeEmail(Field field) {
    if (field.getName().toLowerCase(Locale.ROOT).contains("email")) {
      return true;
    }
    for (var annotation : field.getAnnotations()) {
      if (annotation.annotationType().getName().equals("jakarta.validation.constraints.Email")) {
        return true;
      }
    }
    return false;
  }

  /** The column's length, or a Bean Validation {@code @Size(max)} when that is shorter. */
  static int maxLength(Field field) {
    return MAX_LENGTHS.computeIfAbsent(field, UniqueValues::findMaxLength);
  }

  private static final Map<Field, Integer> MAX_LENGTHS = new ConcurrentHashMap<>();

  static int findMaxLength(Field field) {
    Column column = field.getAnnotation(Column.class);
    int length = column == null ? DEFAULT_LENGTH : column.length();
    for (var annotation : field.getAnnotations()) {
      if (annotation.annotationType().getName().equals("jakarta.validation.constraints.Size")) {
        try {
          int max = (int) annotation.annotationType().getMethod("max").invoke(annotation);
          length = Math.min(length, max);
        } catch (ReflectiveOperationException e) {
          // keep the column's length
        }
      }
    }
    return length;
  }
}
