/**
 * Refresh tokens: factories that persist a token and hand back its raw string, and how a token
 * entity's fields are mapped.
 *
 * <p>Nothing here returns or accepts null unless marked {@link org.jspecify.annotations.Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.fixturekit.tokens;

import org.jspecify.annotations.NullMarked;
