package br.com.regua.api;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A policy edit: the named files replace those of the active version (a file sent as null is
 * removed); the others stay as they are. The author is the signed-in user: {@code author} is read
 * only to refuse a body that names one. {@code effectiveAt}, when given, stores the new version and
 * sets it to take effect then (e.g. the 1st of next month) instead of now.
 */
record PolicyChangeRequest(String author, String comment, Map<String, String> files, OffsetDateTime effectiveAt) {
}
