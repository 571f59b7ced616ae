package br.com.regua.policy;

/**
 * Derived fact: a notice the law requires (one a {@link RequiredNotice} names, such as the credit
 * bureau's prior notice) goes to the debtor by {@code channel}, whatever their preferred channel and
 * even when their opt-outs left reminders no channel: the law asks that it reach them.
 */
public final class NoticeChannel {
    private final Channel channel;

    public NoticeChannel(Channel channel) { this.channel = channel; }

    public Channel getChannel() { return channel; }

    @Override
    public String toString() { return "NoticeChannel(" + channel + ")"; }
}
