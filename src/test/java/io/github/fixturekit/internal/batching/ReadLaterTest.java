package io.github.fixturekit.internal.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hibernate.generator.EventType.FORCE_INCREMENT;
import static org.hibernate.generator.EventType.INSERT;
import static org.hibernate.generator.EventType.UPDATE;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fixturekit.internal.HibernateVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.generator.OnExecutionGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which database-generated columns fixturekit reads back after the flush instead of on insert, and
 * that the generator it puts in their place answers everything else as the original does, asked of
 * {@link ReadLater} directly with hand-written generators.
 */
class ReadLaterTest {

  @BeforeAll
  static void onHibernate7() {
    assumeTrue(
        HibernateVersion.batchesInserts(),
        "fixturekit reads generated columns later on Hibernate 7 only; this is Hibernate "
            + HibernateVersion.major());
  }

  static final Dialect DIALECT = new PostgreSQLDialect();

  /**
   * A generator whose every answer is set by the test and differs from method to method, so a
   * delegate that asks the wrong method, or none, gives a different answer. It notes which dialect
   * it was asked with.
   */
  static final class Answers implements OnExecutionGenerator {
    private static final long serialVersionUID = 1L;

    EnumSet<EventType> events = EnumSet.of(INSERT);
    boolean references;
    EnumSet<EventType> referencesOn = EnumSet.noneOf(EventType.class);
    boolean writes;
    EnumSet<EventType> writesOn = EnumSet.noneOf(EventType.class);
    boolean mutable;
    final String[] referenced = {"referenced"};
    final String[] referencedOnInsert = {"referenced on insert"};
    final String[] referencedOnUpdate = {"referenced on update"};
    final boolean[] includedOnInsert = {true, false};
    final boolean[] includedOnUpdate = {false, true};
    final transient List<Dialect> dialects = new ArrayList<>();

    @Override
    public EnumSet<EventType> getEventTypes() {
      return events;
    }

    @Override
    public boolean referenceColumnsInSql(Dialect dialect) {
      dialects.add(dialect);
      return references;
    }

    @Override
    public boolean referenceColumnsInSql(Dialect dialect, EventType eventType) {
      dialects.add(dialect);
      return referencesOn.contains(eventType);
    }

    @Override
    public boolean writePropertyValue() {
      return writes;
    }

    @Override
    public boolean writePropertyValue(EventType eventType) {
      return writesOn.contains(eventType);
    }

    @Override
    public String[] getReferencedColumnValues(Dialect dialect) {
      dialects.add(dialect);
      return referenced;
    }

    @Override
    public String[] getReferencedColumnValues(Dialect dialect, EventType eventType) {
      dialects.add(dialect);
      return eventType == INSERT ? referencedOnInsert : referencedOnUpdate;
    }

    @Override
    public boolean[] getColumnInclusions(Dialect dialect, EventType eventType) {
      dialects.add(dialect);
      return eventType == INSERT ? includedOnInsert : includedOnUpdate;
    }

    @Override
    public boolean allowMutation() {
      return mutable;
    }
  }

  @Nested
  class CanReadLater {

    @Test
    void aColumnTheDatabaseAloneFillsOnInsertCanBeReadLater() {
      Answers generator = new Answers();

      assertThat(ReadLater.canReadLater(generator, DIALECT)).isTrue();
      assertThat(generator.dialects).containsOnly(DIALECT).isNotEmpty();
    }

    @Test
    void aGeneratorThatDoesNotRunOnTheDatabaseCannot() {
      Generator inMemory =
          new Generator() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean generatedOnExecution() {
              return false;
            }

            @Override
            public EnumSet<EventType> getEventTypes() {
              return EnumSet.of(INSERT);
            }
          };

      assertThat(ReadLater.canReadLater(inMemory, DIALECT)).isFalse();
      assertThat(ReadLater.canReadLater("not a generator", DIALECT)).isFalse();
    }

    @Test
    void aGeneratorThatIsAlreadyReadLaterIsNotWrappedAgain() {
      assertThat(ReadLater.canReadLater(new ReadLater(new Answers()), DIALECT)).isFalse();
    }

    @Test
    void aGeneratorThatDoesNotGenerateOnInsertCannot() {
      Answers onUpdateOnly = new Answers();
      onUpdateOnly.events = EnumSet.of(UPDATE);

      assertThat(ReadLater.canReadLater(onUpdateOnly, DIALECT)).isFalse();
    }

    @Test
    void aGeneratorThatPutsSqlOfItsOwnIntoTheInsertCannotButOneThatDoesSoOnlyOnUpdateCan() {
      Answers onInsert = new Answers();
      onInsert.referencesOn = EnumSet.of(INSERT);
      Answers onUpdate = new Answers();
      onUpdate.referencesOn = EnumSet.of(UPDATE);
      onUpdate.references = true;

      assertThat(ReadLater.canReadLater(onInsert, DIALECT)).isFalse();
      assertThat(ReadLater.canReadLater(onUpdate, DIALECT)).isTrue();
    }

    @Test
    void aGeneratorThatWritesThePropertysValueOnInsertCannotButOneThatDoesSoOnlyOnUpdateCan() {
      Answers onInsert = new Answers();
      onInsert.writesOn = EnumSet.of(INSERT);
      Answers onUpdate = new Answers();
      onUpdate.writesOn = EnumSet.of(UPDATE);
      onUpdate.writes = true;

      assertThat(ReadLater.canReadLater(onInsert, DIALECT)).isFalse();
      assertThat(ReadLater.canReadLater(onUpdate, DIALECT)).isTrue();
    }
  }

  @Nested
  class InPlaceOfTheOriginal {

    @Test
    void itNoLongerGeneratesOnInsertButStillOnTheOriginalsOtherEvents() {
      Answers original = new Answers();
      original.events = EnumSet.of(INSERT, UPDATE, FORCE_INCREMENT);

      ReadLater readLater = new ReadLater(original);

      assertThat(readLater.getEventTypes()).containsExactly(UPDATE, FORCE_INCREMENT);
      assertThat(readLater.generatesOnInsert()).isFalse();
      assertThat(readLater.generatesOnUpdate()).isTrue();
      assertThat(original.events).containsExactly(INSERT, UPDATE, FORCE_INCREMENT);
    }

    @Test
    void itStillCountsAsGeneratedEvenWithNoEventLeft() {
      ReadLater readLater = new ReadLater(new Answers());

      assertThat(readLater.getEventTypes()).isEmpty();
      assertThat(readLater.generatesSometimes()).isTrue();
    }

    @Test
    void itAnswersWhetherColumnsAreReferencedInSqlAsTheOriginalDoes() {
      Answers original = new Answers();
      original.references = true;
      original.referencesOn = EnumSet.of(UPDATE);
      ReadLater readLater = new ReadLater(original);

      assertThat(readLater.referenceColumnsInSql(DIALECT)).isTrue();
      assertThat(readLater.referenceColumnsInSql(DIALECT, UPDATE)).isTrue();
      assertThat(readLater.referenceColumnsInSql(DIALECT, INSERT)).isFalse();

      original.references = false;
      original.referencesOn = EnumSet.of(INSERT);

      assertThat(readLater.referenceColumnsInSql(DIALECT)).isFalse();
      assertThat(readLater.referenceColumnsInSql(DIALECT, UPDATE)).isFalse();
      assertThat(readLater.referenceColumnsInSql(DIALECT, INSERT)).isTrue();
      assertThat(original.dialects).hasSize(6).containsOnly(DIALECT);
    }

    @Test
    void itAnswersWhetherThePropertyValueIsWrittenAsTheOriginalDoes() {
      Answers original = new Answers();
      original.writes = true;
      original.writesOn = EnumSet.of(UPDATE);
      ReadLater readLater = new ReadLater(original);

      assertThat(readLater.writePropertyValue()).isTrue();
      assertThat(readLater.writePropertyValue(UPDATE)).isTrue();
      assertThat(readLater.writePropertyValue(INSERT)).isFalse();

      original.writes = false;
      original.writesOn = EnumSet.of(INSERT);

      assertThat(readLater.writePropertyValue()).isFalse();
      assertThat(readLater.writePropertyValue(UPDATE)).isFalse();
      assertThat(readLater.writePropertyValue(INSERT)).isTrue();
    }

    @Test
    void itGivesTheOriginalsReferencedColumnValuesAndColumnInclusions() {
      Answers original = new Answers();
      ReadLater readLater = new ReadLater(original);

      assertThat(readLater.getReferencedColumnValues(DIALECT)).isSameAs(original.referenced);
      assertThat(readLater.getReferencedColumnValues(DIALECT, INSERT))
          .isSameAs(original.referencedOnInsert);
      assertThat(readLater.getReferencedColumnValues(DIALECT, UPDATE))
          .isSameAs(original.referencedOnUpdate);
      assertThat(readLater.getColumnInclusions(DIALECT, INSERT))
          .isSameAs(original.includedOnInsert);
      assertThat(readLater.getColumnInclusions(DIALECT, UPDATE))
          .isSameAs(original.includedOnUpdate);
      assertThat(original.dialects).hasSize(5).containsOnly(DIALECT);
    }

    @Test
    void itAllowsMutationWhereTheOriginalDoes() {
      Answers original = new Answers();
      ReadLater readLater = new ReadLater(original);

      original.mutable = true;
      assertThat(readLater.allowMutation()).isTrue();
      original.mutable = false;
      assertThat(readLater.allowMutation()).isFalse();
    }
  }
}
