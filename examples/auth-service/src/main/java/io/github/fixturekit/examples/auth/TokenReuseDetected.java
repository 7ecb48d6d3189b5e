package io.github.fixturekit.examples.auth;

/** Thrown when an already revoked refresh token is presented again (its whole family is then revoked). */
public final class TokenReuseDetected extends TokenException {

    private static final long serialVersionUID = 1L;

    public TokenReuseDetected() {
        super("A revoked refresh token was presented again; its whole family has been revoked");
    }
}
