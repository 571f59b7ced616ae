package br.com.regua.contact;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where letters go. With a print-and-post provider ({@code url} set), each letter's PDF is POSTed to
 * it as it falls due; without one, letters gather in the day's batch that an operator or a backend
 * downloads ({@code GET /api/letters/batch}) and hands to the post.
 *
 * @param url   the provider's endpoint; none means the daily batch
 * @param token sent as {@code Authorization: Bearer <token>}
 */
@ConfigurationProperties(prefix = "regua.letters")
public record LetterProperties(URI url, String token) {

    public boolean configured() {
        return url != null;
    }
}
