package br.com.regua.contact;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.policy.Channel;
import br.com.regua.receivable.ReadAlong;

/**
 * Channels a debtor refused. The rules read them when choosing channels, and the delivery worker
 * checks them again right before sending, so an opt-out stops even messages already queued.
 */
@Repository
public class OptOuts {

    private final JdbcClient jdbc;

    public OptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The channels the customer of a receivable refused, read along with it (one query less for each step). */
    public static final ReadAlong<Set<Channel>> READ_ALONG = new ReadAlong<>(
            "(select array_agg(o.channel) from contact_opt_out o where o.customer_id = c.id)", (rs, column) -> {
                Set<Channel> refused = EnumSet.noneOf(Channel.class);
                for (Object channel : ReadAlong.array(rs, column)) {
                    refused.add(Channel.valueOf((String) channel));
                }
                return refused;
            });

    public Set<Channel> of(long customerId) {
        return of(List.of(customerId)).getOrDefault(customerId, EnumSet.noneOf(Channel.class));
    }

    /** The opt-outs of many customers in one query (customers with none are absent), for walks over the portfolio. */
    public Map<Long, Set<Channel>> of(Collection<Long> customerIds) {
        Map<Long, Set<Channel>> byCustomer = new HashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql("select customer_id, channel from contact_opt_out where customer_id in (:ids)").param("ids", customerIds)
                .query((ResultSet rs) -> {
                    byCustomer.computeIfAbsent(rs.getLong("customer_id"), id -> EnumSet.noneOf(Channel.class))
                            .add(Channel.valueOf(rs.getString("channel")));
                });
        return byCustomer;
    }

    /** Returns false when the debtor had already opted out of that channel. */
    public boolean add(long customerId, Channel channel, OffsetDateTime now) {
        return jdbc.sql("""
                insert into contact_opt_out (customer_id, channel, created_at)
                select ?, ?, ? where not exists (select 1 from contact_opt_out where customer_id = ? and channel = ?)""")
                .params(customerId, channel.name(), now, customerId, channel.name()).update() == 1;
    }

    /** The debtor accepts the channel again. */
    public boolean remove(long customerId, Channel channel) {
        return jdbc.sql("delete from contact_opt_out where customer_id = ? and channel = ?").params(customerId, channel.name()).update() == 1;
    }

    /** Whether the debtor of the receivable refused the channel. */
    boolean refused(long receivableId, Channel channel) {
        return jdbc.sql("""
                select count(*) from contact_opt_out o join receivable r on r.customer_id = o.customer_id
                where r.id = ? and o.channel = ?""").params(receivableId, channel.name()).query(Integer.class).single() > 0;
    }
}
