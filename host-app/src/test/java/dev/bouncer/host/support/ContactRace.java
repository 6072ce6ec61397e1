package dev.bouncer.host.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a request lose the race for a new phone number on purpose: a transaction inserts the
 * contact and stays open until the request's own insert of that number waits on it, then
 * commits, so the request's insert fails on the unique constraint, every time.
 */
public final class ContactRace {

    private final JdbcTemplate jdbc;
    private final CountDownLatch release = new CountDownLatch(1);
    private CompletableFuture<Void> winner;

    private ContactRace(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the winner's transaction; returns once its insert is done but not committed. */
    public static ContactRace holdInsert(PlatformTransactionManager transactions, JdbcTemplate jdbc,
            String workspaceId, String contactId, String phone) {
        ContactRace race = new ContactRace(jdbc);
        CountDownLatch inserted = new CountDownLatch(1);
        race.winner = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    Timestamp now = Timestamp.from(Instant.now());
                    jdbc.update("insert into contact (id, workspace_id, environment, phone, tags,"
                            + " attributes, created_at, updated_at) values (?, ?, 'test', ?, '[]',"
                            + " '{}', ?, ?)", contactId, workspaceId, phone, now, now);
                    inserted.countDown();
                    awaitLatch(race.release);
                }));
        awaitLatch(inserted);
        return race;
    }

    /**
     * Waits until the loser's insert of the number runs, which it does only after it looked for
     * the number and did not find it: from there it must fail on the constraint.
     */
    public void awaitInsertOf(CompletableFuture<?> loser) {
        await().atMost(Duration.ofSeconds(10)).until(() -> loser.isDone() || contactInserts() > 0);
        assertThat(loser).as("the loser waits for the winner").isNotDone();
    }

    public void commit() {
        release.countDown();
        winner.join();
    }

    /** Sessions running an insert into contact now; the winner's is done and idle. */
    private int contactInserts() {
        String product = jdbc.execute((Connection connection) ->
                connection.getMetaData().getDatabaseProductName());
        String query = "PostgreSQL".equals(product)
                ? "select count(*) from pg_stat_activity where state = 'active'"
                        + " and query like 'insert into contact %'"
                : "select count(*) from information_schema.sessions"
                        + " where executing_statement like 'insert into contact %'";
        return jdbc.queryForObject(query, Integer.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).as("the race's other side").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
