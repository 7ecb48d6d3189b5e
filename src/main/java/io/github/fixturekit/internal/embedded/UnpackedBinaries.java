package io.github.fixturekit.internal.embedded;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Spares each new JVM zonky's reading and hashing of the 14 MB binaries archive (about a third of a
 * second) once they are unpacked in the cache folder.
 *
 * <p>zonky unpacks an archive into {@code PG-<md5 of the archive>} in its working folder and reuses
 * that folder when it is complete. The first JVM hands zonky the real archive, notes its MD5 while
 * zonky reads it, and then links {@code PG-<md5 of a small stand-in>} to the folder zonky made;
 * later JVMs hand zonky the stand-in, whose folder is complete, and nothing is read. Where links
 * cannot be made, or a link leads nowhere, the real archive is used as before.
 */
final class UnpackedBinaries {

  private static final String MARKER = ".exists";

  private final Path folder;
  private final EmbeddedBinaries binaries;
  private final byte[] standIn;
  private final Path standInFolder;
  private volatile MessageDigest realDigest;

  UnpackedBinaries(Path cacheRoot, EmbeddedBinaries binaries) {
    this.folder = cacheRoot.resolve("binaries");
    this.binaries = binaries;
    this.standIn = ("fixturekit stand-in for " + binaries.key()).getBytes(StandardCharsets.UTF_8);
    this.standInFolder = folder.resolve("PG-" + md5Hex(standIn));
  }

  /** zonky's working folder. */
  Path folder() {
    return folder;
  }

  /** Whether a later start can skip the archive. */
  boolean ready() {
    return complete(standInFolder);
  }

  PgBinaryResolver resolver() {
    if (ready()) {
      return (system, architecture) -> new ByteArrayInputStream(standIn);
    }
    removeDanglingLink();
    return (system, architecture) -> {
      MessageDigest digest = md5();
      realDigest = digest;
      return new DigestInputStream(binaries.resolver().getPgBinary(system, architecture), digest);
    };
  }

  /** After a start from the real archive: link the stand-in's folder to the one zonky unpacked. */
  void remember() {
    MessageDigest digest = realDigest;
    if (digest == null || ready()) {
      return;
    }
    String unpacked = "PG-" + HexFormat.of().formatHex(digest.digest());
    if (!complete(folder.resolve(unpacked))) {
      return;
    }
    try {
      Files.createSymbolicLink(standInFolder, Path.of(unpacked));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // another JVM linked it first, or no links here: the real archive is used next time
    }
  }

  private void removeDanglingLink() {
    try {
      if (Files.isSymbolicLink(standInFolder) && !Files.isDirectory(standInFolder)) {
        Files.deleteIfExists(standInFolder);
      }
    } catch (IOException e) {
      // zonky reports what it cannot use
    }
  }

  private static boolean complete(Path unpacked) {
    return Files.isDirectory(unpacked)
        && Files.exists(unpacked.resolve(MARKER))
        && Files.isDirectory(unpacked.resolve("bin"));
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String md5Hex(byte[] bytes) {
    return HexFormat.of().formatHex(md5().digest(bytes));
  }
}
