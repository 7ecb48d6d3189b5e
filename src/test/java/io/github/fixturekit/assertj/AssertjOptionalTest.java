package io.github.fixturekit.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** AssertJ is optional: only this package of the library may refer to it. */
class AssertjOptionalTest {

  @Test
  void noClassOutsideTheAssertjPackageRefersToAssertj() throws Exception {
    Path classes =
        Path.of(
            FixtureAssertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }

    assertThat(files).as("library classes").hasSizeGreaterThan(20);
    assertThat(files)
        .filteredOn(
            p ->
                !classes
                    .relativize(p)
                    .toString()
                    .replace('\\', '/')
                    .startsWith("io/github/fixturekit/assertj/"))
        .filteredOn(AssertjOptionalTest::mentionsAssertj)
        .isEmpty();
    assertThat(files).filteredOn(AssertjOptionalTest::mentionsAssertj).isNotEmpty();
  }

  private static boolean mentionsAssertj(Path classFile) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
          .contains("org/assertj/");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
