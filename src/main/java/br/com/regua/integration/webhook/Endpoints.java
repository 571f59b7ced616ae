package br.com.regua.integration.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The registered endpoints and the event types each hears. The secret is read only by the worker. */
@Repository
class Endpoints {

    private final JdbcClient jdbc;

    Endpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String url, String secret, List<String> types, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into webhook_endpoint (url, secret, status, created_at, updated_at) values (?, ?, 'ACTIVE', ?, ?)")
                .params(url, secret, now, now).update(key, "id");
        long id = key.getKey().longValue();
        for (String type : types) {
            jdbc.sql("insert into webhook_subscription (endpoint_id, event_type) values (?, ?)").params(id, type).update();
        }
        return id;
    }

    List<WebhookService.Endpoint> all() {
        return jdbc.sql("select * from webhook_endpoint order by id").query((rs, n) -> rs.getLong("id")).list()
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    Optional<WebhookService.Endpoint> find(long id) {
        List<String> types = jdbc.sql("select event_type from webhook_subscription where endpoint_id = ? order by event_type")
                .param(id).query(String.class).list();
        return jdbc.sql("select * from webhook_endpoint where id = ?").param(id)
                .query((rs, n) -> new WebhookService.Endpoint(rs.getLong("id"), rs.getString("url"), types.isEmpty() ? null : types,
                        rs.getString("status"), rs.getString("paused_reason"), rs.getInt("consecutive_failures"),
                        rs.getObject("failing_since", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update() == 1;
    }

    /** Paused by an admin: nothing is sent to it, and its events wait, until it is resumed. */
    boolean pause(long id, String reason, OffsetDateTime now) {
        return jdbc.sql("update webhook_endpoint set status = 'PAUSED', paused_reason = ?, updated_at = ? where id = ?")
                .params(reason, now, id).update() == 1;
    }

    /** Active again with a clean slate; what waited for it is due at once, in its order. */
    boolean resume(long id, OffsetDateTime now) {
        int rows = jdbc.sql("""
                update webhook_endpoint set status = 'ACTIVE', paused_reason = null, consecutive_failures = 0, failing_since = null,
                       updated_at = ? where id = ?""").params(now, id).update();
        jdbc.sql("update webhook_delivery set next_attempt_at = ?, updated_at = ? where endpoint_id = ? and status = 'PENDING'")
                .params(now, now, id).update();
        return rows == 1;
    }
}
