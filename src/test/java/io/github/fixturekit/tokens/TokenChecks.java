package io.github.fixturekit.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.hibernate.Session;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Independent computations and small queries the token tests share. */
final class TokenChecks {

  private TokenChecks() {}

  /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code raw}, computed without fixturekit. */
  static String sha256Hex(String raw) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Rows in {@code table}, read in the test's own transaction. */
  static long count(Session session, String table) {
    return session.createNativeQuery("select count(*) from " + table, Long.class).getSingleResult();
  }

  /**
   * Enables a class only when it is run through the EngineTestKit with {@link #KEY} set, so a class
   * that is meant to fail is never run on its own by a build tool.
   */
  static final class OnlyInEngineTestKit implements ExecutionCondition {

    static final String KEY = "fixturekit.tokens.engine-testkit";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(KEY).isPresent()
          ? ConditionEvaluationResult.enabled("run by the EngineTestKit")
          : ConditionEvaluationResult.disabled("runs only inside the EngineTestKit");
    }
  }
}
