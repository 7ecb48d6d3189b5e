package io.github.fixturekit.enhance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.bytecode.enhance.spi.DefaultEnhancementContext;
import org.hibernate.bytecode.enhance.spi.Enhancer;
import org.hibernate.bytecode.enhance.spi.UnloadedClass;
import org.hibernate.bytecode.internal.BytecodeProviderInitiator;

/**
 * Runs Hibernate's bytecode enhancer over the compiled test entities of one package, in place, as
 * Hibernate's build plugins do: the build calls it after compiling the tests (see pom.xml), so the
 * factory tests run against entities with the fields and interfaces enhancement adds.
 */
public final class EnhanceTestEntities {

  /**
   * Hibernate's log while enhancing: the enhancer reports each association it does not manage at
   * INFO, which reads like a build problem. Held here so the level is not lost with a collected
   * logger.
   */
  private static final Logger ENHANCER_LOG = Logger.getLogger("org.hibernate");

  private EnhanceTestEntities() {}

  public static void main(String[] args) throws IOException {
    ENHANCER_LOG.setLevel(Level.WARNING);
    Path root = Path.of(args[0]);
    Path dir = root.resolve(args[1]);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("nothing to enhance in " + dir);
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Enhancer enhancer =
        BytecodeProviderInitiator.buildDefaultBytecodeProvider()
            .getEnhancer(
                new DefaultEnhancementContext() {
                  @Override
                  public ClassLoader getLoadingClassLoader() {
                    return loader;
                  }

                  @Override
                  public boolean doExtendedEnhancement(UnloadedClass classDescriptor) {
                    return false;
                  }
                });
    List<Path> classes;
    try (Stream<Path> files = Files.walk(dir)) {
      classes = files.filter(p -> p.toString().endsWith(".class")).toList();
    }
    int enhanced = 0;
    for (Path file : classes) {
      String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
      byte[] result = enhancer.enhance(name, Files.readAllBytes(file));
      if (result != null) {
        Files.write(file, result);
        enhanced++;
      }
    }
    System.out.println(
        "[fixturekit] enhanced " + enhanced + " of " + classes.size() + " classes in " + dir);
  }
}
