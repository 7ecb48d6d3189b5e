package io.github.fixturekit.internal;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import org.hibernate.Hibernate;
import org.hibernate.proxy.HibernateProxy;

/** The id of an entity without a session: from a lazy proxy's initializer, or its id field. */
public final class EntityIds {

  private EntityIds() {}

  /** The id of {@code entity}, or null when it has none (yet); null for a non-entity. */
  public static Object idOf(Object entity) {
    if (entity instanceof HibernateProxy proxy) {
      return proxy.getHibernateLazyInitializer().getInternalIdentifier();
    }
    for (Field field : EntityFields.persistentFields(entity.getClass())) {
      if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(EmbeddedId.class)) {
        return EntityFields.get(field, entity);
      }
    }
    return null;
  }

  /**
   * The entity class of {@code entity} without loading it: a lazy proxy answers from its
   * initializer, so a detached proxy that was never loaded (which cannot load without its session)
   * is asked nothing of the database.
   */
  public static Class<?> typeOf(Object entity) {
    if (entity instanceof HibernateProxy proxy) {
      return proxy.getHibernateLazyInitializer().getPersistentClass();
    }
    return Hibernate.getClass(entity);
  }

  /** Whether {@code value} is an entity (or a proxy of one). */
  public static boolean isEntity(Object value) {
    return value instanceof HibernateProxy
        || value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class);
  }
}
