package br.com.regua.policy;

import java.time.OffsetDateTime;
import java.util.SortedMap;

/**
 * A stored policy version: its files, the content hash, who made it, when and why.
 *
 * @param activatedAt when it last became the active version, or null if it never did
 */
public record PolicyVersion(int number, String hash, String author, String comment, OffsetDateTime createdAt,
                            boolean active, OffsetDateTime activatedAt, SortedMap<String, String> files) {
}
