package fr.duiconnect.core.spi;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends exchanges that pass their deadline: one daemon thread per client (never shared between connectors), which runs
 * an exchange's abort action (close the answer's stream, abort the HTTP request) when its deadline comes. The
 * transport cancels the alarm when the exchange ends in time. Thread-safe.
 */
public final class ExchangeWatchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    /** @param name the thread's name, e.g. "dui-ins-watchdog" */
    public ExchangeWatchdog(String name) {
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);   // exchanges that end in time leave nothing queued behind them
    }

    /** Runs {@code abort} after {@code delay} unless the returned alarm is cancelled first. */
    public Alarm arm(Duration delay, Runnable abort) {
        ScheduledFuture<?> future = timer.schedule(abort, Math.max(delay.toNanos(), 0), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** One exchange's pending abort. */
    @FunctionalInterface
    public interface Alarm extends AutoCloseable {
        /** The exchange ended: its abort will not run. */
        @Override
        void close();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
