package io.github.fixturekit.internal;

import jakarta.persistence.Embeddable;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Cuts random temporal values to microseconds, the precision PostgreSQL keeps, so an entity in
 * memory equals its row after the insert. PostgreSQL would round the extra digits half-up.
 */
final class Temporals {

  private static final int MAX_EMBEDDING_DEPTH = 8;

  private Temporals() {}

  static void truncateToMicros(Object entity) {
    truncate(entity, 0);
  }

  private static void truncate(Object target, int depth) {
    for (Field field : EntityFields.persistentFields(target.getClass())) {
      Object value = EntityFields.get(field, target);
      Object truncated = truncated(value);
      if (truncated != value) {
        EntityFields.set(field, target, truncated);
      } else if (value != null
          && depth < MAX_EMBEDDING_DEPTH
          && value.getClass().isAnnotationPresent(Embeddable.class)) {
        truncate(value, depth + 1);
      }
    }
  }

  private static Object truncated(Object value) {
    if (value instanceof Instant v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalDateTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof OffsetDateTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof ZonedDateTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof OffsetTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    }
    return value;
  }
}
