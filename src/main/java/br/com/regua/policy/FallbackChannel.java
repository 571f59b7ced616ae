package br.com.regua.policy;

/** Derived fact: when a message through {@code failed} cannot be delivered, send it through {@code instead}. */
public final class FallbackChannel {
    private final Channel failed;
    private final Channel instead;

    public FallbackChannel(Channel failed, Channel instead) {
        this.failed = failed;
        this.instead = instead;
    }

    public Channel getFailed() { return failed; }
    public Channel getInstead() { return instead; }

    @Override
    public String toString() { return "FallbackChannel(" + failed + " -> " + instead + ")"; }
}
