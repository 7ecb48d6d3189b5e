package io.github.fixturekit.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts strings to the length of the column they land in where Instancio cannot know it: fields of
 * an {@code @Embedded} value renamed by {@code @AttributeOverride}, and the elements of an
 * {@code @ElementCollection}.
 */
final class ColumnFit {

  private static final int MAX_DEPTH = 8;

  private ColumnFit() {}

  static void fit(Object entity) {
    fit(entity, Map.of(), 0);
  }

  private static void fit(Object target, Map<String, Column> overrides, int depth) {
    for (Field field : EntityFields.persistentFields(target.getClass())) {
      if (EntityModel.isLeftAlone(field)) {
        continue;
      }
      Object value = EntityFields.get(field, target);
      if (value == null) {
        continue;
      }
      Column override = overrides.get(field.getName());
      if (value instanceof String s) {
        int length = override != null ? override.length() : UniqueValues.maxLength(field);
        if (s.length() > length) {
          EntityFields.set(field, target, s.substring(0, length));
        }
      } else if (depth < MAX_DEPTH && value.getClass().isAnnotationPresent(Embeddable.class)) {
        fit(value, nested(overrides, field), depth + 1);
      } else if (field.isAnnotationPresent(ElementCollection.class)
          && value instanceof Collection<?> elements) {
        fitElements(field, elements, depth);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void fitElements(Field field, Collection<?> elements, int depth) {
    List<Object> fitted = new ArrayList<>(elements.size());
    boolean changed = false;
    int length = UniqueValues.maxLength(field);
    for (Object element : elements) {
      if (element instanceof String s && s.length() > length) {
        fitted.add(s.substring(0, length));
        changed = true;
      } else {
        if (element != null
            && depth < MAX_DEPTH
            && element.getClass().isAnnotationPresent(Embeddable.class)) {
          fit(element, overridesOf(field), depth + 1);
        }
        fitted.add(element);
      }
    }
    if (changed) {
      Collection<Object> target = (Collection<Object>) elements;
      target.clear();
      target.addAll(fitted);
    }
  }

  /**
   * The overrides that apply inside the value of {@code field}: its own, and the outer ones under
   * its name.
   */
  private static Map<String, Column> nested(Map<String, Column> outer, Field field) {
    Map<String, Column> result = new HashMap<>(overridesOf(field));
    String prefix = field.getName() + ".";
    outer.forEach(
        (name, column) -> {
          if (name.startsWith(prefix)) {
            result.putIfAbsent(name.substring(prefix.length()), column);
          }
        });
    return result;
  }

  private static Map<String, Column> overridesOf(Field field) {
    Map<String, Column> result = new HashMap<>();
    AttributeOverride single = field.getAnnotation(AttributeOverride.class);
    if (single != null) {
      result.put(single.name(), single.column());
    }
    AttributeOverrides many = field.getAnnotation(AttributeOverrides.class);
    if (many != null) {
      for (AttributeOverride override : many.value()) {
        result.put(override.name(), override.column());
      }
    }
    return result;
  }
}
