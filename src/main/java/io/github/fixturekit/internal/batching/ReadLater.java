package io.github.fixturekit.internal.batching;

import java.util.EnumSet;
import org.hibernate.dialect.Dialect;
import org.hibernate.generator.EventType;
import org.hibernate.generator.OnExecutionGenerator;

/**
 * A database-generated column's generator as Hibernate sees it in fixturekit's SessionFactory: it
 * no longer generates on insert (so the column stays out of the insert, and the insert reads
 * nothing back and can be batched); {@link GeneratedReadBack} reads the values after the flush
 * instead. What it does on update is unchanged. The property is made not insertable at boot, since
 * a generator that allows mutation no longer keeps its column out of the insert once it does not
 * generate on insert.
 */
final class ReadLater implements OnExecutionGenerator {

  private static final long serialVersionUID = 1L;

  private final OnExecutionGenerator original;
  private final EnumSet<EventType> eventTypes;

  ReadLater(OnExecutionGenerator original) {
    this.original = original;
    this.eventTypes = EnumSet.copyOf(original.getEventTypes());
    this.eventTypes.remove(EventType.INSERT);
  }

  /**
   * Whether {@code generator} fills its column on insert by the database alone (a default or a
   * generated column), so leaving the column out of the insert and reading it later changes
   * nothing.
   */
  static boolean canReadLater(Object generator, Dialect dialect) {
    return generator instanceof OnExecutionGenerator g
        && !(generator instanceof ReadLater)
        && g.generatesOnInsert()
        && !g.referenceColumnsInSql(dialect, EventType.INSERT)
        && !g.writePropertyValue(EventType.INSERT);
  }

  @Override
  public EnumSet<EventType> getEventTypes() {
    return eventTypes;
  }

  /** Still a generated property (for updates, and so that Hibernate keeps it). */
  @Override
  public boolean generatesSometimes() {
    return true;
  }

  @Override
  public boolean referenceColumnsInSql(Dialect dialect) {
    return original.referenceColumnsInSql(dialect);
  }

  @Override
  public boolean referenceColumnsInSql(Dialect dialect, EventType eventType) {
    return original.referenceColumnsInSql(dialect, eventType);
  }

  @Override
  public boolean writePropertyValue() {
    return original.writePropertyValue();
  }

  @Override
  public boolean writePropertyValue(EventType eventType) {
    return original.writePropertyValue(eventType);
  }

  @Override
  public String[] getReferencedColumnValues(Dialect dialect) {
    return original.getReferencedColumnValues(dialect);
  }

  @Override
  public String[] getReferencedColumnValues(Dialect dialect, EventType eventType) {
    return original.getReferencedColumnValues(dialect, eventType);
  }

  @Override
  public boolean[] getColumnInclusions(Dialect dialect, EventType eventType) {
    return original.getColumnInclusions(dialect, eventType);
  }

  @Override
  public boolean allowMutation() {
    return original.allowMutation();
  }
}
