package io.github.fixturekit.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plain unit tests: no database needed. */
class TokenHasherTest {

    @Test
    void hashesWithLowercaseHexSha256() {
        assertThat(TokenHasher.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void makesUrlSafeRawTokensOf32Bytes() {
        String raw = TokenHasher.newRawToken();

        assertThat(raw).matches("[A-Za-z0-9_-]{43}");
        assertThat(TokenHasher.newRawToken()).isNotEqualTo(raw);
        assertThat(TokenHasher.hash(raw)).hasSize(64).matches("[0-9a-f]{64}");
    }
}
