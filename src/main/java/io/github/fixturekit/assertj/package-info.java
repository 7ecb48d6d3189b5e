/**
 * AssertJ assertions on issued tokens (needs AssertJ on the test class path).
 *
 * <p>Nothing here returns or accepts null unless marked {@link org.jspecify.annotations.Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.fixturekit.assertj;

import org.jspecify.annotations.NullMarked;
