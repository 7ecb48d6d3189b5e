package io.github.fixturekit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Reflection over the persistent fields of entities (field access only). */
public final class EntityFields {

  /** Fields that Hibernate's bytecode enhancement adds to an entity. */
  static final String HIBERNATE_FIELD_PREFIX = "$$_hibernate_";

  private EntityFields() {}

  /**
   * Persistent fields of {@code type} and of its entity and mapped superclasses, subclass first.
   * Static, transient, {@code @Transient} and enhancement fields are left out.
   */
  public static List<Field> persistentFields(Class<?> type) {
    return PERSISTENT_FIELDS.get(type);
  }

  // Resolved once per class: factories read the fields of every entity they make.
  private static final ClassValue<List<Field>> PERSISTENT_FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          return List.copyOf(findPersistentFields(type));
        }
      };

  /**
   * The persistent fields of {@code type}, looked up afresh (not cached), in the order of {@link
   * #persistentFields}; each is made accessible where the module system lets fixturekit.
   */
  static List<Field> findPersistentFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c != type && !isMapped(c)) {
        continue;
      }
      for (Field field : c.getDeclaredFields()) {
        if (isPersistent(field)) {
          try {
            field.setAccessible(true);
          } catch (RuntimeException e) {
            // reported, with the field, when it is read or written
          }
          fields.add(field);
        }
      }
    }
    return fields;
  }

  static boolean isPersistent(Field field) {
    int modifiers = field.getModifiers();
    return !Modifier.isStatic(modifiers)
        && !Modifier.isTransient(modifiers)
        && !field.isSynthetic()
        && !field.isAnnotationPresent(Transient.class)
        && !field.getName().startsWith(HIBERNATE_FIELD_PREFIX);
  }

  private static boolean isMapped(Class<?> c) {
    return c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(MappedSuperclass.class);
  }

  /** Writes a field, whatever its visibility. */
  public static void set(Field field, Object target, Object value) {
    try {
      field.set(target, value);
    } catch (IllegalAccessException first) {
      write(field, target, value);
    } catch (RuntimeException e) {
      throw new IllegalStateException(Messages.fieldNotWritable(field, e), e);
    }
  }

  private static void write(Field field, Object target, Object value) {
    try {
      field.setAccessible(true);
      field.set(target, value);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalStateException(Messages.fieldNotWritable(field, e), e);
    }
  }

  /** Reads a field, whatever its visibility. */
  public static Object get(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException first) {
      return read(field, target);
    } catch (RuntimeException e) {
      throw new IllegalStateException(Messages.fieldNotWritable(field, e), e);
    }
  }

  private static Object read(Field field, Object target) {
    try {
      field.setAccessible(true);
      return field.get(target);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalStateException(Messages.fieldNotWritable(field, e), e);
    }
  }
}
