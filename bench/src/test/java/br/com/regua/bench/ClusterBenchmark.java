package br.com.regua.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import br.com.regua.support.NodeKilledDay;

/**
 * Two nodes on one PostgreSQL with a real SMTP server and SMS gateway, one killed with {@code kill -9}
 * in the middle of a day of pre-due reminders (the suite's {@code NodeKilledPostgresIntegrationTests},
 * with thousands of cases): prints and records what the dying node did, what it held when it died,
 * how long the survivor took to finish, and the counts that must be zero. Fails when one of them is
 * not.
 */
class ClusterBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 4_000);

    @Test
    void aNodeKilledMidDay() throws Exception {
        String url = BenchDatabase.fresh();
        int before = CASES * 4 / 5;
        try (NodeKilledDay day = new NodeKilledDay(Duration.ofMinutes(30))) {
            NodeKilledDay.Outcome o = day.run(url, before, CASES - before, Path.of("target", "bench", "cluster-dying-node.log"));
            System.out.println("Node killed mid-day: " + o);
            new BenchResults("ClusterBenchmark: a node killed mid-day",
                    "./mvnw -Pbench test -Dtest=ClusterBenchmark" + (CASES == 4_000 ? "" : " -Dbench.cases=" + CASES))
                    .figure("receivables accepted with 2xx / stored", o.accepted() + " / " + o.receivables(), "equal")
                    .figure("reminders taken by the dying node before the kill", String.valueOf(o.reachedWhenKilled()),
                            "a share of " + o.accepted())
                    .figure("contacts sent by it / held (leased) by it at the kill", o.sentWhenKilled() + " / " + o.leasedWhenKilled(), "")
                    .figure("jobs locked when it died", String.valueOf(o.lockedWhenKilled()), "")
                    .figure("survivor's time from the kill to the day done", o.killedToDone().toSeconds() + " s",
                            "its clock moved past the locks (5 min) and leases (2 min) at once")
                    .figure("cases whose reminder ran other than once", String.valueOf(o.stagesReachedOtherThanOnce()), "0")
                    .figure("incidents / contacts not sent / never delivered",
                            o.incidents() + " / " + o.contactsNotSent() + " / " + o.neverDelivered(), "0 / 0 / 0")
                    .figure("deliveries sent again under their key", String.valueOf(o.sentAgain()),
                            "at most the contacts held at the kill (" + o.leasedWhenKilled() + ")")
                    .record(postgresVersion(url));
            if (o.receivables() != o.accepted() || o.stagesReachedOtherThanOnce() != 0 || o.incidents() != 0
                    || o.contactsNotSent() != 0 || o.neverDelivered() != 0 || o.sentAgain() > o.leasedWhenKilled()) {
                throw new AssertionError("the cluster lost or repeated work: " + o);
            }
        }
    }

    private static String postgresVersion(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, BenchDatabase.USER, BenchDatabase.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
