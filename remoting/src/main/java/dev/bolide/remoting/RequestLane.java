package dev.bolide.remoting;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs requests one at a time, in the order they were handed in, as a single-thread executor does,
 * but without handing every request to another thread: handed to an idle lane through
 * {@link #inlineWhenIdle()}, a request runs at once on the thread that hands it in (the connection's
 * I/O thread), which then writes its answer itself. Handing each request to a parked thread cost a
 * futex wake and a context switch per request on the way in, and another on the way out (the answer
 * handed back to the I/O thread): 21 % of the send thread's samples under synchronous sends.
 * <p>
 * One thread at a time owns the lane and runs what it holds: whoever finds it idle. An I/O thread
 * that owns it runs one request and, when more came meanwhile, gives the rest to the lane's own
 * thread, so that it goes back to reading its connections. Requests handed in through
 * {@link #handedOff()} (those that may wait on the disk, say) always run on the lane's thread.
 * Either way a connection's requests, handed in one after the other by its I/O thread, run in that
 * order and never two at a time.
 */
public final class RequestLane implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RequestLane.class.getName());

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    /** Requests handed in and not finished; whoever moves it from 0 owns the lane. */
    private final AtomicInteger unfinished = new AtomicInteger();
    /** Released when the lane's thread is to take over ownership. */
    private final Semaphore turns = new Semaphore(0);
    private final Thread thread;
    /** The lane's thread starts the first time it is handed the lane, as a pool's thread would. */
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;

    /** A lane whose own thread, a daemon, is called {@code threadName}. */
    public RequestLane(String threadName) {
        thread = new Thread(this::serve, threadName);
        thread.setDaemon(true);
    }

    /** Runs each request on the caller's thread when the lane is idle, else after those before it. */
    public Executor inlineWhenIdle() {
        return task -> handIn(task, true);
    }

    /** Runs each request on the lane's own thread, after those before it. */
    public Executor handedOff() {
        return task -> handIn(task, false);
    }

    /** The requests waiting for their turn, for the broker's runtime figures. */
    public BlockingQueue<Runnable> queue() {
        return queue;
    }

    private void handIn(Runnable task, boolean mayRunHere) {
        if (closed) {
            throw new RejectedExecutionException("the lane " + thread.getName() + " is closed");
        }
        // counted before queued: an owner that finds more unfinished takes them from the queue,
        // waiting for a request counted but not queued yet
        boolean owner = unfinished.getAndIncrement() == 0;
        queue.add(task);
        if (!owner) {
            return;
        }
        if (!mayRunHere) {
            handOver();
            return;
        }
        try {
            // the queue holds at least this caller's request: nobody else takes from it meanwhile
            run(queue.poll());
        } finally {
            if (unfinished.decrementAndGet() > 0) {
                handOver();
            }
        }
    }

    /** Gives the lane, with what it holds, to the lane's own thread. */
    private void handOver() {
        if (!started.get() && started.compareAndSet(false, true)) {
            thread.start();
        }
        turns.release();
    }

    private void serve() {
        try {
            while (!closed) {
                turns.acquire();
                do {
                    run(queue.take());
                } while (unfinished.decrementAndGet() > 0);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a request failed on " + Thread.currentThread().getName(), e);
        }
    }

    /** Refuses further requests and stops the lane's thread; requests still waiting are dropped. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
