package io.github.fixturekit.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a factory needs to know about one entity class: which fields are Hibernate's or the
 * database's to fill, which must be unique, which parents are required. Resolved once per class.
 */
final class EntityModel<T> {

  private static final Map<Class<?>, EntityModel<?>> CACHE = new ConcurrentHashMap<>();
  private static final int MAX_EMBEDDING_DEPTH = 8;

  /** Annotations (by name, so that a missing module costs nothing) whose values are not ours. */
  private static final Set<String> GENERATED_ANNOTATIONS =
      Set.of(
          "org.hibernate.annotations.Generated",
          "org.hibernate.annotations.GeneratedColumn",
          "org.hibernate.annotations.Formula",
          "org.hibernate.annotations.CreationTimestamp",
          "org.hibernate.annotations.UpdateTimestamp",
          "org.hibernate.annotations.CurrentTimestamp",
          "org.hibernate.annotations.TenantId");

  /**
   * Of those, the ones whose value only a read of the row brings into the entity. Hibernate reads
   * {@code @Generated} and {@code @GeneratedColumn} values back on its own right after the insert
   * (one statement per row, which is why it cannot batch those inserts); a refresh of ours on top
   * would double the round trips, as the batching measurement showed.
   */
  private static final Set<String> READ_BACK_ANNOTATIONS =
      Set.of("org.hibernate.annotations.Formula");

  private static final Set<String> NOT_NULL_ANNOTATIONS =
      Set.of(
          "jakarta.validation.constraints.NotNull",
          "jakarta.validation.constraints.NotBlank",
          "jakarta.validation.constraints.NotEmpty");

  private static final Set<Class<?>> ASSIGNABLE_ID_TYPES =
      Set.of(
          Long.class,
          long.class,
          Integer.class,
          int.class,
          Short.class,
          short.class,
          String.class,
          UUID.class,
          BigInteger.class,
          BigDecimal.class);

  private final Class<T> type;
  private final List<Field> assignedIds;
  private final List<Field> uniqueFields;
  private final Set<Field> uniqueFieldSet;
  private final List<Field[]> embeddedUniqueFields;
  private final List<Field> requiredParents;
  private final List<Field> optionalParents;
  private final boolean readBack;
  private final boolean databaseWrites;
  private volatile Constructor<T> noArgsConstructor;
  private final List<Field> collections;
  private final List<Field> inverseChildren;
  private final List<Field> ownedCollections;
  private final List<Field> requiredValues;
  private final Map<Field, Field> parentsWithInverse;

  private EntityModel(Class<T> type) {
    this.type = type;
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(Messages.abstractEntity(type));
    }
    try {
      var unused = type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(Messages.noUsableConstructor(type), e);
    }
    List<Field> fields = EntityFields.persistentFields(type);
    // Every @Id without a generator: one for a simple id, each part of an @IdClass key.
    this.assignedIds =
        fields.stream()
            .filter(
                f ->
                    f.isAnnotationPresent(Id.class) && !f.isAnnotationPresent(GeneratedValue.class))
            .filter(f -> ASSIGNABLE_ID_TYPES.contains(f.getType()))
            .toList();
    Set<Field> unique = new LinkedHashSet<>();
    fields.stream()
        .filter(EntityModel::isUnique)
        .filter(f -> !findLeftAlone(f))
        .forEach(unique::add);
    unique.addAll(TableConstraints.oneFieldPerUniqueKey(type, fields));
    this.uniqueFields = List.copyOf(unique);
    List<Field[]> embeddedUnique = new ArrayList<>();
    for (Field holder : fields) {
      if (!findLeftAlone(holder) && holder.getType().isAnnotationPresent(Embeddable.class)) {
        for (Field inner : EntityFields.persistentFields(holder.getType())) {
          if (isUnique(inner) && !findLeftAlone(inner)) {
            embeddedUnique.add(new Field[] {holder, inner});
            unique.add(inner);
          }
        }
      }
    }
    this.embeddedUniqueFields = List.copyOf(embeddedUnique);
    this.uniqueFieldSet = Set.copyOf(unique);
    this.requiredParents = fields.stream().filter(EntityModel::isRequiredParent).toList();
    this.optionalParents =
        fields.stream()
            .filter(f -> isToOne(f) && !isRequiredParent(f) && mappedBy(f).isEmpty())
            .toList();
    this.readBack = fields.stream().anyMatch(f -> hasAnyAnnotation(f, READ_BACK_ANNOTATIONS));
    this.databaseWrites = databaseWritesAny(fields, 0);
    this.collections =
        fields.stream()
            .filter(
                f ->
                    f.isAnnotationPresent(OneToMany.class)
                        || f.isAnnotationPresent(ManyToMany.class))
            .toList();
    this.inverseChildren =
        fields.stream()
            .filter(f -> !mappedBy(f).isEmpty() && !f.isAnnotationPresent(ManyToMany.class))
            .toList();
    this.ownedCollections = collections.stream().filter(f -> mappedBy(f).isEmpty()).toList();
    this.requiredValues =
        fields.stream().filter(f -> !findLeftAlone(f) && isRequiredValue(f)).toList();
    Map<Field, Field> inverses = new LinkedHashMap<>();
    for (Field parent : fields) {
      if (isToOne(parent) && mappedBy(parent).isEmpty()) {
        Field inverse = inverseCollection(parent);
        if (inverse != null) {
          inverses.put(parent, inverse);
        }
      }
    }
    this.parentsWithInverse = Map.copyOf(inverses);
  }

  /**
   * Parent fields whose parent type keeps a collection of its children ({@code mappedBy} this
   * field).
   */
  Map<Field, Field> parentsWithInverse() {
    return parentsWithInverse;
  }

  /** Collections of associated entities ({@code @OneToMany}, {@code @ManyToMany}). */
  List<Field> collections() {
    return collections;
  }

  /** The inverse side of a parent-child pair: children whose own field points back here. */
  List<Field> inverseChildren() {
    return inverseChildren;
  }

  /** Collections whose join rows this entity writes: their elements must be rows already. */
  List<Field> ownedCollections() {
    return ownedCollections;
  }

  /** Fields that must hold a value for the insert to work. */
  List<Field> requiredValues() {
    return requiredValues;
  }

  /**
   * The {@code mappedBy} of an association field, or "" when it is the owning side or no
   * association.
   */
  static String mappedBy(Field field) {
    OneToMany oneToMany = field.getAnnotation(OneToMany.class);
    if (oneToMany != null) {
      return oneToMany.mappedBy();
    }
    ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
    if (manyToMany != null) {
      return manyToMany.mappedBy();
    }
    OneToOne oneToOne = field.getAnnotation(OneToOne.class);
    return oneToOne == null ? "" : oneToOne.mappedBy();
  }

  /**
   * The entity type of an association field: the element type of a collection, else the field's
   * type.
   */
  static Class<?> targetType(Field field) {
    if (Collection.class.isAssignableFrom(field.getType())
        && field.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return field.getType();
  }

  /**
   * The collection of {@code parent}'s type that is the inverse of {@code childField} (a
   * {@code @OneToMany(mappedBy = childField)}), or null.
   */
  static Field inverseCollection(Field childField) {
    for (Field candidate : EntityFields.persistentFields(childField.getType())) {
      if (candidate.isAnnotationPresent(OneToMany.class)
          && mappedBy(candidate).equals(childField.getName())
          && targetType(candidate).isAssignableFrom(childField.getDeclaringClass())) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean isRequiredValue(Field field) {
    if (field.getType().isPrimitive()) {
      return false;
    }
    Column column = field.getAnnotation(Column.class);
    Basic basic = field.getAnnotation(Basic.class);
    return (column != null && !column.nullable())
        || (basic != null && !basic.optional())
        || field.isAnnotationPresent(Id.class)
        || hasAnyAnnotation(field, NOT_NULL_ANNOTATIONS);
  }

  @SuppressWarnings("unchecked")
  static <T> EntityModel<T> of(Class<T> type) {
    return (EntityModel<T>) CACHE.computeIfAbsent(type, EntityModel::new);
  }

  /** A model read afresh, not the JVM's cached one: for tests of the rules themselves. */
  static <T> EntityModel<T> uncached(Class<T> type) {
    return new EntityModel<>(type);
  }

  Class<T> type() {
    return type;
  }

  /** An {@code @Id} without {@code @GeneratedValue} that fixturekit assigns, or null. */
  List<Field> assignedIds() {
    return assignedIds;
  }

  List<Field> uniqueFields() {
    return uniqueFields;
  }

  /**
   * Unique columns of embedded values, one level deep: pairs of the entity's field holding the
   * value and the value's unique field.
   */
  List<Field[]> embeddedUniqueFields() {
    return embeddedUniqueFields;
  }

  /** Every unique field: the entity's own and those of its embedded values. */
  Set<Field> uniqueFieldSet() {
    return uniqueFieldSet;
  }

  List<Field> requiredParents() {
    return requiredParents;
  }

  List<Field> optionalParents() {
    return optionalParents;
  }

  /** Whether the database computes values that only a refresh brings into the entity. */
  boolean readsBack() {
    return readBack;
  }

  /**
   * Whether every field random data would go into is in {@code setByCaller}: then the entity needs
   * no random data, only its constructor.
   */
  boolean leavesNothingToFill(Set<Field> setByCaller) {
    for (Field field : EntityFields.persistentFields(type)) {
      if (!isLeftAlone(field) && !setByCaller.contains(field)) {
        return false;
      }
    }
    return true;
  }

  /** A new entity from its constructor without arguments, with no data in it. */
  T newInstance() {
    try {
      Constructor<T> constructor = noArgsConstructor;
      if (constructor == null) {
        constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        noArgsConstructor = constructor; // racing threads find the same one
      }
      return constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          Messages.cannotFill(type, "no usable constructor without arguments: " + e), e);
    }
  }

  /**
   * Whether the row may hold values the entity in memory does not: a column the database fills or
   * computes ({@code @Generated}, {@code @Formula}, {@code @ColumnDefault}, a {@code
   * columnDefinition}, a column left out of the insert), here or in an embedded value. Without any,
   * the row holds exactly what the insert wrote, so reading it back tells nothing.
   */
  boolean databaseWritesColumns() {
    return databaseWrites;
  }

  private static boolean databaseWritesAny(List<Field> fields, int depth) {
    for (Field field : fields) {
      Column column = field.getAnnotation(Column.class);
      boolean written =
          hasAnyAnnotation(field, GENERATED_ANNOTATIONS)
              || hasAnyAnnotation(field, Set.of("org.hibernate.annotations.ColumnDefault"))
              || (column != null && (!column.insertable() || !column.columnDefinition().isBlank()));
      if (written) {
        return true;
      }
      if (depth < MAX_EMBEDDING_DEPTH
          && field.getType().isAnnotationPresent(Embeddable.class)
          && databaseWritesAny(EntityFields.persistentFields(field.getType()), depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether random data must not be put into {@code field}: it belongs to Hibernate, to the
   * database, or to fixturekit's own handling (ids, associations). Applies to fields of embeddables
   * too.
   */
  static boolean isLeftAlone(Field field) {
    // asked for every field of every entity made, and by Instancio for every field it meets
    return LEFT_ALONE.computeIfAbsent(field, EntityModel::findLeftAlone);
  }

  private static final Map<Field, Boolean> LEFT_ALONE = new ConcurrentHashMap<>();

  static boolean findLeftAlone(Field field) {
    if (!EntityFields.isPersistent(field)) {
      return true;
    }
    if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(EmbeddedId.class)) {
      return field.isAnnotationPresent(GeneratedValue.class)
          || ASSIGNABLE_ID_TYPES.contains(field.getType());
    }
    if (field.isAnnotationPresent(Version.class) || isAssociation(field)) {
      return true;
    }
    Column column = field.getAnnotation(Column.class);
    if (column != null && !column.insertable()) {
      return true;
    }
    return hasAnyAnnotation(field, GENERATED_ANNOTATIONS);
  }

  private static boolean isAssociation(Field field) {
    return isToOne(field)
        || field.isAnnotationPresent(OneToMany.class)
        || field.isAnnotationPresent(ManyToMany.class);
  }

  private static boolean isToOne(Field field) {
    return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class);
  }

  private static boolean isRequiredParent(Field field) {
    ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
    OneToOne oneToOne = field.getAnnotation(OneToOne.class);
    if (manyToOne == null && (oneToOne == null || !oneToOne.mappedBy().isEmpty())) {
      return false;
    }
    boolean optional = manyToOne != null ? manyToOne.optional() : oneToOne.optional();
    JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
    return !optional
        || (joinColumn != null && !joinColumn.nullable())
        || hasAnyAnnotation(field, Set.of("jakarta.validation.constraints.NotNull"));
  }

  private static boolean isUnique(Field field) {
    Column column = field.getAnnotation(Column.class);
    return (column != null && column.unique())
        || hasAnyAnnotation(field, Set.of("org.hibernate.annotations.NaturalId"));
  }

  private static boolean hasAnyAnnotation(Field field, Set<String> names) {
    for (Annotation annotation : field.getAnnotations()) {
      if (names.contains(annotation.annotationType().getName())) {
        return true;
      }
    }
    return false;
  }
}
