package br.com.regua.policy;

/** Derived fact: messages of this case go out through {@code channel}. */
public final class ContactChannel {
    private final Channel channel;

    public ContactChannel(Channel channel) { this.channel = channel; }

    public Channel getChannel() { return channel; }

    @Override
    public String toString() { return "ContactChannel(" + channel + ")"; }
}
