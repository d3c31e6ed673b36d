package fr.duiconnect.harness.mssante;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Accepts connections on a free loopback port and serves each on its own daemon thread (the socket is closed when its
 * handler returns). The simulators' fronts and the hostile peers ({@code hostile}) listen through it.
 */
public final class Listener implements AutoCloseable {

    /** Serves one connection. */
    public interface Handler {
        void serve(Socket socket) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    private final ServerSocket server;
    private final ExecutorService workers;

    /** A listener for the hostile-peer kit, whose constructors do not throw checked exceptions. */
    public static Listener open(String name, Handler handler) {
        try {
            return new Listener(name, handler);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Listener(String name, Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        workers.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    socket.setSoTimeout(60_000);
                    fr.duiconnect.harness.sandbox.SimulatorSockets.noDelay(socket);
                    workers.execute(() -> {
                        try (socket) {
                            handler.serve(socket);
                        } catch (Exception e) {
                            LOG.debug("{} connection ended: {}", name, e.toString());
                        }
                    });
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        LOG.debug("{} accept failed: {}", name, e.toString());
                    }
                }
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // stopping
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
