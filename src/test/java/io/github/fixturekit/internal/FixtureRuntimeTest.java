package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fixturekit.internal.database.ExternalDatabase;
import io.github.fixturekit.internal.database.ForeignDatabase;
import io.github.fixturekit.internal.database.ServerDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A runtime of its own on a database of its own (not the JVM's): one SessionFactory per entity set,
 * built once; closing it closes them all and the database.
 */
class FixtureRuntimeTest {

  @Entity
  @Table(name = "fkrt_alpha")
  static class Alpha {
    @Id Long id;
  }

  @Entity
  @Table(name = "fkrt_beta")
  static class Beta {
    @Id Long id;
  }

  // two entities of one name: Hibernate refuses the mapping
  @Entity(name = "FkrtSame")
  @Table(name = "fkrt_same_a")
  static class SameName {
    @Id Long id;
  }

  @Entity(name = "FkrtSame")
  @Table(name = "fkrt_same_b")
  static class AlsoSameName {
    @Id Long id;
  }

  /** The real database, counting how often it is closed. */
  static final class CountingServer implements ServerDatabase {
    final ServerDatabase real;
    final AtomicInteger closed = new AtomicInteger();

    CountingServer(ServerDatabase real) {
      this.real = real;
    }

    @Override
    public String provider() {
      return real.provider();
    }

    @Override
    public String jdbcUrl() {
      return real.jdbcUrl();
    }

    @Override
    public String username() {
      return real.username();
    }

    @Override
    public String password() {
      return real.password();
    }

    @Override
    public String serverVersion() {
      return real.serverVersion();
    }

    @Override
    public String schemaFor(String entitySetSchema) {
      return real.schemaFor(entitySetSchema);
    }

    @Override
    public void close() {
      closed.incrementAndGet();
      real.close();
    }
  }

  private CountingServer server;
  private FixtureRuntime runtime;

  @BeforeEach
  void ownDatabase() {
    assumeTrue(
        ForeignDatabase.serverAnswers(), "no PostgreSQL server at " + ForeignDatabase.SERVER_URL);
    server =
        new CountingServer(
            ExternalDatabase.create(
                ForeignDatabase.SERVER_URL,
                ForeignDatabase.SERVER_USER,
                ForeignDatabase.SERVER_PASSWORD));
    runtime = new FixtureRuntime(server, Duration.ofSeconds(10));
  }

  @AfterEach
  void closeIt() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private static EntitySet set(Class<?>... classes) {
    return EntitySet.of(List.of(classes), "FixtureRuntimeTest", "the test");
  }

  @Nested
  class EntitySets {

    @Test
    void anEntitySetIsBuiltOnceAndSharedByEveryoneWhoAsks() {
      EntitySetRuntime first = runtime.entitySet(set(Alpha.class));
      EntitySetRuntime again = runtime.entitySet(set(Alpha.class));

      assertThat(again).isSameAs(first);
      assertThat(first.tables().names()).hasSize(1).allMatch(name -> name.endsWith(".fkrt_alpha"));
    }

    @Test
    void distinctEntitySetsGetTheirOwnSessionFactory() {
      EntitySetRuntime alpha = runtime.entitySet(set(Alpha.class));
      EntitySetRuntime both = runtime.entitySet(set(Alpha.class, Beta.class));

      assertThat(both).isNotSameAs(alpha);
      assertThat(both.sessionFactory()).isNotSameAs(alpha.sessionFactory());
      assertThat(both.tables().names()).hasSize(2);
    }

    @Test
    void threadsAskingAtOnceShareOneBuild() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntitySetRuntime>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return runtime.entitySet(set(Beta.class));
                  }));
        }
        start.countDown();
        EntitySetRuntime one = results.get(0).get(60, TimeUnit.SECONDS);
        for (Future<EntitySetRuntime> result : results) {
          assertThat(result.get(60, TimeUnit.SECONDS)).isSameAs(one);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void aMappingThatFailsFailsEveryLaterAskAtOnceWithTheSameMessage() {
      EntitySet clashing = set(SameName.class, AlsoSameName.class);

      Throwable first = catchThrowable(() -> runtime.entitySet(clashing));
      Throwable second = catchThrowable(() -> runtime.entitySet(clashing));

      assertThat(first)
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("Hibernate could not build a SessionFactory for the entities")
          .hasMessageContaining("Check the mappings of these classes");
      assertThat(second)
          .isInstanceOf(ExtensionConfigurationException.class)
          .isNotSameAs(first)
          .hasMessage(first.getMessage())
          .hasCause(first);
    }
  }

  @Nested
  class Closing {

    @Test
    void closesEverySessionFactoryAndThenTheDatabase() {
      SessionFactory alpha = runtime.entitySet(set(Alpha.class)).sessionFactory();
      SessionFactory beta = runtime.entitySet(set(Beta.class)).sessionFactory();

      runtime.close();

      assertThat(alpha.isClosed()).isTrue();
      assertThat(beta.isClosed()).isTrue();
      assertThat(server.closed).hasValue(1);
    }

    @Test
    void closesTheDatabaseWithoutEntitySets() {
      runtime.close();

      assertThat(server.closed).hasValue(1);
    }
  }

  @Nested
  class TheServer {

    @Test
    void isTheOneItWasMadeWith() {
      assertThat(runtime.server()).isSameAs(server);
    }

    @Test
    void aFailureThatIsNotALostConnectionIsPassedOn() {
      IllegalArgumentException failure = new IllegalArgumentException("bad input");

      assertThat(runtime.explain(failure, "someTest()")).isSameAs(failure);
      runtime.requireServer("nextTest()");
    }

    @Test
    void aLostConnectionWhileTheServerStillAnswersIsPassedOn() {
      RuntimeException failure =
          new IllegalStateException(new SQLTransientConnectionException("pool timed out"));

      assertThat(runtime.explain(failure, "someTest()")).isSameAs(failure);
      runtime.requireServer("nextTest()");
    }

    @Test
    void aLostConnectionIsExplainedWhenTheServerNoLongerAnswers() {
      runtime.close();
      runtime = null;
      RuntimeException failure =
          new IllegalStateException(new SQLTransientConnectionException("pool timed out"));
      FixtureRuntime gone = new FixtureRuntime(server, Duration.ofSeconds(10));

      RuntimeException explained = gone.explain(failure, "someTest()");

      assertThat(explained)
          .isInstanceOf(IllegalStateException.class)
          .hasCause(failure)
          .hasMessageContaining("stopped answering during [someTest()]");
      assertThatThrownBy(() -> gone.requireServer("nextTest()"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("[nextTest()] did not run");
    }
  }
}
