package br.com.regua.contact;

import br.com.regua.policy.Channel;

/** Hands a contact to the service that carries its channel (an SMTP server, an SMS gateway). */
interface ChannelSender {

    Channel channel();

    /**
     * Sends once. The contact's idempotency key goes with it (as the e-mail's Message-ID or the
     * gateway's {@code Idempotency-Key}), so a provider that sees it twice can drop the second.
     *
     * @return the provider's id for the message, or null when it gave none
     */
    String send(OutgoingContact contact) throws DeliveryException;
}
