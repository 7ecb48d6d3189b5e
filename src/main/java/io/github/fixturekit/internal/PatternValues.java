package io.github.fixturekit.internal;

import jakarta.persistence.Embeddable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Values for String fields with Bean Validation's {@code @Pattern}, which Instancio does not read:
 * drawn from the pattern itself ({@link RegexStrings}), within the field's {@code @Size} and column
 * length, from the test's random source. A unique column's values are also never handed out twice
 * in the run.
 */
final class PatternValues {

  private static final String PATTERN = "jakarta.validation.constraints.Pattern";
  private static final String SIZE = "jakarta.validation.constraints.Size";
  private static final int ATTEMPTS = 200;
  private static final int MAX_DEPTH = 8;

  /** The rule of each {@code @Pattern} field, or NONE; parsed once. */
  private static final Map<Field, Rule> RULES = new ConcurrentHashMap<>();

  private static final Map<Field, Set<String>> ISSUED = new ConcurrentHashMap<>();
  private static final Rule NONE = new Rule(null, null, null, 0, 0);

  record Rule(
      String regexp, Pattern pattern, RegexStrings.Node node, int minLength, int maxLength) {}

  private PatternValues() {}

  /** Whether {@code field} has a {@code @Pattern} that fixturekit fills. */
  static boolean hasPattern(Field field) {
    return field.getType() == String.class && annotation(field, PATTERN) != null;
  }

  /**
   * Sets every {@code @Pattern} String field of {@code entity} (and of its embedded values) to a
   * matching value.
   *
   * @throws IllegalArgumentException naming the field when its pattern cannot be generated
   */
  static void fill(Object entity, Set<java.lang.reflect.Field> uniqueFields, Random random) {
    fill(entity, uniqueFields, random, 0);
  }

  @SuppressWarnings("ReferenceEquality") // NONE is a marker instance
  private static void fill(Object target, Set<Field> uniqueFields, Random random, int depth) {
    for (Field field : EntityFields.persistentFields(target.getClass())) {
      if (EntityModel.isLeftAlone(field)) {
        continue;
      }
      if (field.getType() == String.class) {
        Rule rule = RULES.computeIfAbsent(field, PatternValues::rule);
        if (rule != NONE) {
          EntityFields.set(field, target, next(field, rule, uniqueFields.contains(field), random));
        }
      } else if (depth < MAX_DEPTH && field.getType().isAnnotationPresent(Embeddable.class)) {
        Object value = EntityFields.get(field, target);
        if (value != null) {
          fill(value, uniqueFields, random, depth + 1);
        }
      }
    }
  }

  private static String next(Field field, Rule rule, boolean unique, Random random) {
    Set<String> issued =
        unique ? ISSUED.computeIfAbsent(field, f -> ConcurrentHashMap.newKeySet()) : null;
    for (int i = 0; i < ATTEMPTS; i++) {
      StringBuilder out = new StringBuilder();
      rule.node().write(out, random);
      String value = out.toString();
      if (value.length() >= rule.minLength()
          && value.length() <= rule.maxLength()
          && rule.pattern().matcher(value).matches()
          && (issued == null || issued.add(value))) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        Messages.patternNotMet(field, rule.regexp(), rule.minLength(), rule.maxLength(), unique));
  }

  /** The rule of {@code field}, read afresh from its annotations (the fill reads it once). */
  static Rule rule(Field field) {
    Annotation pattern = annotation(field, PATTERN);
    if (pattern == null) {
      return NONE;
    }
    String regexp = (String) value(pattern, "regexp");
    int flags = 0;
    Object declared = value(pattern, "flags");
    for (int i = 0; declared != null && i < Array.getLength(declared); i++) {
      flags |= (int) value(Array.get(declared, i), "getValue");
    }
    RegexStrings.Node node;
    try {
      node = RegexStrings.parse(regexp);
    } catch (RegexStrings.Unsupported e) {
      throw new IllegalArgumentException(
          Messages.patternNotSupported(field, regexp, e.getMessage()), e);
    }
    Annotation size = annotation(field, SIZE);
    int min = size == null ? 0 : (int) value(size, "min");
    return new Rule(
        regexp, Pattern.compile(regexp, flags), node, min, UniqueValues.maxLength(field));
  }

  private static Annotation annotation(Field field, String name) {
    for (Annotation annotation : field.getAnnotations()) {
      if (annotation.annotationType().getName().equals(name)) {
        return annotation;
      }
    }
    return null;
  }

  private static Object value(Object target, String method) {
    try {
      var accessor = target.getClass().getMethod(method);
      accessor.setAccessible(true);
      return accessor.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + method + "() of " + target, e);
    }
  }
}
