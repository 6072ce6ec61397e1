package dev.bouncer.host.message;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel poll scheduler for the outbox consumer that polls when the {@link DispatchPacer}
 * says so instead of at a fixed rate: a throttle gap of 3 s is met to the millisecond without
 * polling the database every few milliseconds in between.
 */
final class PacedScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

    private static final Logger log = LoggerFactory.getLogger(PacedScheduler.class);
    private static final long STOP_WAIT_MILLIS = 5000;

    private final DispatchPacer pacer;
    private final Duration idle;
    private CamelContext camelContext;
    private volatile Runnable task;
    private volatile boolean running;
    private Thread thread;

    PacedScheduler(DispatchPacer pacer, Duration idle) {
        this.pacer = pacer;
        this.idle = idle;
    }

    @Override
    public void onInit(Consumer consumer) {
        // Nothing to prepare: the pacer is shared and already configured.
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public void unscheduleTask() {
        this.task = null;
    }

    @Override
    public synchronized void startScheduler() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::pollUntilStopped, "bouncer-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean isSchedulerStarted() {
        return running;
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                pacer.beginCycle();
                Runnable poll = task;
                if (poll != null) {
                    poll.run();
                }
                pacer.awaitNextCycle(idle);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox poll failed; trying again after {}", idle, e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(idle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        pacer.wakeNow();
        Thread stopping = thread;
        if (stopping != null) {
            stopping.join(STOP_WAIT_MILLIS);
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
