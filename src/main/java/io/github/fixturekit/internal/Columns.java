package io.github.fixturekit.internal;

import java.lang.reflect.Field;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/** Table and column names as Hibernate maps them, for messages. */
public final class Columns {

  private Columns() {}

  /** {@code table.column} of {@code field}, or the field name when Hibernate cannot tell. */
  public static String describe(Session session, Class<?> entity, Field field) {
    try {
      EntityPersister persister =
          session
              .getSessionFactory()
              .unwrap(SessionFactoryImplementor.class)
              .getMappingMetamodel()
              .getEntityDescriptor(entity);
      if (persister instanceof AbstractEntityPersister p) {
        String table = p.getTableName();
        String unqualified = table.substring(table.lastIndexOf('.') + 1);
        return unqualified + "." + p.getPropertyColumnNames(field.getName())[0];
      }
    } catch (RuntimeException e) {
      // fall back to the field's name
    }
    return entity.getSimpleName() + "." + field.getName();
  }

  /** The entity name HQL knows {@code entity} by. */
  public static String entityName(Session session, Class<?> entity) {
    return session.getEntityManagerFactory().getMetamodel().entity(entity).getName();
  }
}
