package io.github.fixturekit.internal.tokens;

import io.github.fixturekit.tokens.IssuedToken;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The view each issued token was made with, keyed weakly by its raw string: the entry lives as long
 * as the {@link IssuedToken} that holds that string, and a view never refers back to it.
 */
public final class TokenViews {

  private static final Map<String, TokenView> VIEWS = Collections.synchronizedMap(new WeakHashMap<>());

  private TokenViews() {}

  public static void register(IssuedToken<?> issued, TokenView view) {
    VIEWS.put(issued.raw(), view);
  }

  public static Optional<TokenView> of(IssuedToken<?> issued) {
    return Optional.ofNullable(VIEWS.get(issued.raw()));
  }
}
