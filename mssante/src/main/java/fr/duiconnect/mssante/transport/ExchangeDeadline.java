package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.TransportException;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A whole deadline for SMTP or IMAP exchanges (#19 point 2). Jakarta Mail's timeouts bound each read, so a peer that
 * sends a byte now and then would hold a submission or a mailbox look for ever; here every socket of the protocol is
 * known (made by {@link #sockets()}, or registered by the TLS factory) and closed when an armed deadline passes,
 * which ends any read or write blocked on it, before TLS as well as after.
 */
public final class ExchangeDeadline {

    private final String exchange;
    private final ScheduledExecutorService timer;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final SocketFactory plain = new Tracking();

    /** @param exchange what is bounded, for the error message ("the SMTP submission") */
    ExchangeDeadline(String exchange, ScheduledExecutorService timer) {
        this.exchange = exchange;
        this.timer = timer;
    }

    /** The plain socket factory of the protocol (before STARTTLS): every socket it makes is under the deadline. */
    SocketFactory sockets() {
        return plain;
    }

    /** Puts a socket made elsewhere (implicit TLS) under the deadline. */
    Socket track(Socket socket) {
        open.removeIf(Socket::isClosed);
        open.add(socket);
        return socket;
    }

    /** Starts a deadline; close the returned guard when the exchange is over. */
    public Armed arm(Duration limit) {
        return new Armed(limit);
    }

    /** One running deadline. */
    public final class Armed implements AutoCloseable {
        private final Duration limit;
        private final ScheduledFuture<?> expiry;
        private volatile boolean expired;

        private Armed(Duration limit) {
            this.limit = limit;
            this.expiry = timer.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void expire() {
            expired = true;
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all that is wanted
                }
            }
            open.clear();
        }

        /** Whether the deadline passed (the sockets were then closed: whatever failed after is its consequence). */
        public boolean expired() {
            return expired;
        }

        /** The typed error of an exchange cut by its deadline: a timeout, which a later attempt may overcome. */
        public TransportException timeout(Throwable cause) {
            return new TransportException(CoreErrorCode.TIMEOUT, exchange + " did not complete within its deadline of "
                    + limit + " (connection and whole exchange, however slowly the peer sends)", cause);
        }

        @Override
        public void close() {
            expiry.cancel(false);
        }
    }

    private final class Tracking extends SocketFactory {
        @Override public Socket createSocket() {
            return track(new Socket());
        }

        @Override public Socket createSocket(String host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(new Socket(host, port, localHost, localPort));
        }

        @Override public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return track(new Socket(address, port, localAddress, localPort));
        }
    }
}
