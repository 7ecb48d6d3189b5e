package io.github.fixturekit.internal.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.fixturekit.internal.Causes;
import io.github.fixturekit.internal.database.DatabaseConfig;
import io.github.fixturekit.internal.database.DatabaseMessages;
import io.github.fixturekit.internal.database.ExternalDatabase;
import io.github.fixturekit.internal.database.ServerDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The JVM's PostgreSQL container, tuned for tests, with fixturekit's own database inside it. With
 * reuse on, the container outlives the JVM and later JVMs share it, each in a database of its own.
 */
final class TestcontainersDatabase implements ServerDatabase {

  static final String USER = "fixturekit";
  static final String PASSWORD = "fixturekit";
  static final String PGDATA = "/var/lib/postgresql/data";

  private final PostgreSQLContainer container;
  private final ServerDatabase database;
  private final boolean reuse;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TestcontainersDatabase(
      PostgreSQLContainer container, ServerDatabase database, boolean reuse) {
    this.container = container;
    this.database = database;
    this.reuse = reuse;
  }

  static ServerDatabase start(DatabaseConfig config) {
    PostgreSQLContainer container = container(config);
    ensureImage(config);
    LeftoverContainers.remove(DockerClientFactory.instance().client());
    try {
      container.start();
    } catch (RuntimeException e) {
      closeQuietly(container);
      throw new ExtensionConfigurationException(
          DatabaseMessages.containerFailed(config.testcontainersImage(), causes(e)), e);
    }
    try {
      ServerDatabase database =
          config.testcontainersReuse()
              // A reused container is shared with other JVMs: each gets a database of its own.
              ? ExternalDatabase.create(
                  config.withServer(
                      container.getJdbcUrl(), container.getUsername(), container.getPassword()),
                  "testcontainers")
              // The JVM's own container: its database is fixturekit's already.
              : ContainerDatabase.of(container);
      return new TestcontainersDatabase(container, database, config.testcontainersReuse());
    } catch (RuntimeException e) {
      if (!config.testcontainersReuse()) {
        closeQuietly(container);
      }
      throw e;
    }
  }

  static PostgreSQLContainer container(DatabaseConfig config) {
    DockerImageName image;
    try {
      image = DockerImageName.parse(config.testcontainersImage());
      image.assertValid();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "fixturekit.testcontainers.image is ["
              + config.testcontainersImage()
              + "]; expected an image name such as "
              + DatabaseConfig.DEFAULT_IMAGE
              + " ("
              + e.getMessage()
              + ")");
    }
    DockerImageName postgres = DockerImageName.parse("postgres");
    if (!image.isCompatibleWith(postgres)) {
      image = image.asCompatibleSubstituteFor(postgres);
    }
    PostgreSQLContainer container =
        new PostgreSQLContainer(image)
            .withUsername(USER)
            .withPassword(PASSWORD)
            .withDatabaseName("fixturekit")
            .withEnv("PGDATA", PGDATA)
            .withCommand(
                "postgres",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=200")
            .withStartupTimeout(config.startupTimeout())
            .withReuse(config.testcontainersReuse());
    if (tmpfsAllowed()) {
      container.withTmpFs(Map.of(PGDATA, "rw"));
    }
    if (!config.testcontainersReuse()) {
      // a reused container outlives its JVM on purpose, and a label would change its identity
      container.withLabel(LeftoverContainers.OWNER, LeftoverContainers.thisJvm());
    }
    return container;
  }

  /**
   * Testcontainers retries a failing pull for minutes; fixturekit pulls a missing image itself,
   * within the startup bound, so that a registry out of reach fails fast and says so.
   */
  private static void ensureImage(DatabaseConfig config) {
    String name = config.testcontainersImage();
    DockerClient client = DockerClientFactory.instance().client();
    try {
      client.inspectImageCmd(name).exec();
      return;
    } catch (NotFoundException e) {
      // pull it below
    }
    DockerImageName image = DockerImageName.parse(name);
    try (PullImageResultCallback pull =
        client
            .pullImageCmd(image.getUnversionedPart())
            .withTag(image.getVersionPart())
            .exec(new PullImageResultCallback())) {
      if (!pull.awaitCompletion(config.startupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ExtensionConfigurationException(
            DatabaseMessages.containerFailed(
                name,
                "the image is not on the Docker engine and pulling it did not finish within "
                    + config.startupTimeout().toMillis()
                    + " ms"));
      }
      client.inspectImageCmd(name).exec();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtensionConfigurationException(
          DatabaseMessages.containerFailed(name, "interrupted while pulling"));
    } catch (IOException | RuntimeException e) {
      if (e instanceof ExtensionConfigurationException configuration) {
        throw configuration;
      }
      throw new ExtensionConfigurationException(
          DatabaseMessages.containerFailed(
              name, "the image is not on the Docker engine and could not be pulled: " + causes(e)),
          e);
    }
  }

  /** tmpfs mounts are a Linux engine's feature; elsewhere the data stays in the container. */
  private static boolean tmpfsAllowed() {
    try {
      return "linux".equalsIgnoreCase(DockerClientFactory.instance().getInfo().getOsType());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Every distinct message down the cause chain, six at most: Testcontainers wraps the one that
   * matters. A chain that loops back on itself is followed once.
   */
  static String causes(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t : Causes.of(e)) {
      if (messages.size() == 6) {
        break;
      }
      String message =
          t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      if (!messages.contains(message)) {
        messages.add(message);
      }
    }
    return String.join("; ", messages);
  }

  private static void closeQuietly(PostgreSQLContainer container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      System.getLogger("io.github.fixturekit")
          .log(
              System.Logger.Level.WARNING,
              "fixturekit could not stop its container: " + e.getMessage());
    }
  }

  @Override
  public String provider() {
    return "testcontainers";
  }

  /** The database the container was started with; the container's removal removes it. */
  private record ContainerDatabase(
      String jdbcUrl, String username, String password, String serverVersion)
      implements ServerDatabase {

    static ContainerDatabase of(PostgreSQLContainer container) {
      try (java.sql.Connection connection =
          java.sql.DriverManager.getConnection(
              container.getJdbcUrl(), container.getUsername(), container.getPassword())) {
        return new ContainerDatabase(
            container.getJdbcUrl(),
            container.getUsername(),
            container.getPassword(),
            connection.getMetaData().getDatabaseProductVersion());
      } catch (java.sql.SQLException e) {
        throw new ExtensionConfigurationException(
            DatabaseMessages.containerFailed(
                container.getDockerImageName(),
                "the container started but refuses connections: " + e.getMessage()),
            e);
      }
    }

    @Override
    public String provider() {
      return "testcontainers";
    }

    @Override
    public void close() {}
  }

  @Override
  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  @Override
  public String username() {
    return database.username();
  }

  @Override
  public String password() {
    return database.password();
  }

  @Override
  public String serverVersion() {
    return database.serverVersion();
  }

  @Override
  public String schemaFor(String entitySetSchema) {
    return database.schemaFor(entitySetSchema);
  }

  /** The container's id, for tests and logs. */
  String containerId() {
    return container.getContainerId();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      database.close();
    } finally {
      if (!reuse) {
        closeQuietly(container);
      }
    }
  }
}
