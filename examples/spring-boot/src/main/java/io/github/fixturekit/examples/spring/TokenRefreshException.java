package io.github.fixturekit.examples.spring;

/** A refresh token that cannot be exchanged, and why. */
public class TokenRefreshException extends RuntimeException {

    /** Why a token was refused. */
    public enum Reason { UNKNOWN, EXPIRED, REUSED }

    private final Reason reason;

    public TokenRefreshException(Reason reason) {
        super("refresh token refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
