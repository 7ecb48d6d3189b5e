package io.github.fixturekit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts temporal values (and {@code java.sql.Timestamp}s) to the fractional seconds their column
 * keeps, so an entity in memory equals its row after the insert: PostgreSQL would round the extra
 * digits half-up. Timestamps keep microseconds, times whole seconds (Hibernate's default column
 * types), unless the column says otherwise ({@code @Column(secondPrecision)},
 * {@code @FractionalSeconds}).
 */
final class Temporals {

  private static final int MAX_EMBEDDING_DEPTH = 8;
  private static final int TIMESTAMP_DIGITS = 6;
  private static final int TIME_DIGITS = 0;
  private static final Set<Class<?>> TIMESTAMPS =
      Set.of(Instant.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);
  private static final Set<Class<?>> TIMES = Set.of(LocalTime.class, OffsetTime.class);
  private static final Method SECOND_PRECISION = secondPrecisionMethod();

  private Temporals() {}

  static void truncate(Object entity) {
    truncate(entity, 0);
  }

  private static void truncate(Object target, int depth) {
    for (Field field : EntityFields.persistentFields(target.getClass())) {
      // A final field (a record used as an embeddable) cannot be rewritten: it keeps its digits.
      if (Modifier.isFinal(field.getModifiers())) {
        continue;
      }
      Object value = EntityFields.get(field, target);
      if (value == null) {
        continue;
      }
      if (TIMESTAMPS.contains(value.getClass()) || TIMES.contains(value.getClass())) {
        EntityFields.set(
            field, target, truncated((Temporal) value, digits(field, value.getClass())));
      } else if (value instanceof Timestamp timestamp) {
        EntityFields.set(field, target, truncated(timestamp, digits(field, Timestamp.class)));
      } else if (depth < MAX_EMBEDDING_DEPTH
          && value.getClass().isAnnotationPresent(Embeddable.class)) {
        truncate(value, depth + 1);
      }
    }
  }

  private static Temporal truncated(Temporal value, int digits) {
    int nanos = value.get(ChronoField.NANO_OF_SECOND);
    int unit = (int) Math.pow(10, 9 - digits);
    return value.with(ChronoField.NANO_OF_SECOND, nanos - nanos % unit);
  }

  /** A copy: the entity's {@code Timestamp} may be an object the test holds on to. */
  private static Timestamp truncated(Timestamp value, int digits) {
    int unit = (int) Math.pow(10, 9 - digits);
    Timestamp copy = new Timestamp(value.getTime());
    copy.setNanos(value.getNanos() - value.getNanos() % unit);
    return copy;
  }

  private static int digits(Field field, Class<?> type) {
    int declared = DECLARED_DIGITS.computeIfAbsent(field, Temporals::declaredDigits);
    if (declared >= 0) {
      return Math.min(declared, TIMESTAMP_DIGITS);
    }
    return TIMES.contains(type) ? TIME_DIGITS : TIMESTAMP_DIGITS;
  }

  // Asked for every temporal field of every entity made, twice: the annotations are read once.
  private static final Map<Field, Integer> DECLARED_DIGITS = new ConcurrentHashMap<>();

  /**
   * {@code @Column(secondPrecision)} (JPA 3.2) or Hibernate's {@code @FractionalSeconds}; -1 if
   * unset.
   */
  static int declaredDigits(Field field) {
    Column column = field.getAnnotation(Column.class);
    if (column != null && SECOND_PRECISION != null) {
      try {
        int precision = (int) SECOND_PRECISION.invoke(column);
        if (precision >= 0) {
          return precision;
        }
      } catch (ReflectiveOperationException e) {
        // an older JPA: fall through to the defaults
      }
    }
    for (Annotation annotation : field.getAnnotations()) {
      if (annotation
          .annotationType()
          .getName()
          .equals("org.hibernate.annotations.FractionalSeconds")) {
        try {
          return (int) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static Method secondPrecisionMethod() {
    try {
      return Column.class.getMethod("secondPrecision");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
