package io.github.fixturekit.internal.tokens;

import io.github.fixturekit.tokens.IssuedToken;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.Hibernate;

/**
 * The view each issued token was made with, keyed weakly by its raw string: the entry lives as long
 * as the {@link IssuedToken} that holds that string, and a view never refers back to it. Two tokens
 * of different entity types may share a raw value, so the views of one raw value are told apart by
 * their token type.
 */
public final class TokenViews {

  private static final Map<String, List<TokenView>> VIEWS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private TokenViews() {}

  public static void register(IssuedToken<?> issued, TokenView view) {
    List<TokenView> views =
        VIEWS.computeIfAbsent(issued.raw(), raw -> new CopyOnWriteArrayList<>());
    views.removeIf(v -> v.tokenType() == view.tokenType());
    views.add(view);
  }

  public static Optional<TokenView> of(IssuedToken<?> issued) {
    List<TokenView> views = VIEWS.get(issued.raw());
    if (views == null) {
      return Optional.empty();
    }
    Class<?> type = Hibernate.getClass(issued.entity());
    return views.stream().filter(v -> v.tokenType().isAssignableFrom(type)).findFirst();
  }
}
