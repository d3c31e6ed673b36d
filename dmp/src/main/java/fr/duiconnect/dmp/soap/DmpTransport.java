package fr.duiconnect.dmp.soap;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.dmp.DmpErrorCode;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTPS to the DMP endpoints ({@code <base>/patients}, {@code /registry}, {@code /repository}) with this client's
 * own TLS context (IGC-Santé anchors, ORG AUTH_CLI certificate; host name checked by the JDK client) and timeouts.
 * The MTOM package is built and read by {@link MtomPackage}, so the client and the DMP simulator share one codec.
 * One per module instance; thread-safe.
 */
public final class DmpTransport {

    private final HttpClient http;
    private final EndpointConfig endpoint;
    private final long maxAnswerBytes;

    public DmpTransport(EndpointConfig endpoint, long maxAnswerBytes) {
        this.endpoint = endpoint;
        this.maxAnswerBytes = maxAnswerBytes;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(endpoint.timeouts().connect())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
        endpoint.tlsIfAny().ifPresent(tls -> {
            var context = tls.sslContext();
            builder.sslContext(context).sslParameters(tls.sslParameters(context));
        });
        this.http = builder.build();
    }

    public URI service(String name) {
        String base = endpoint.url().toString();
        return URI.create(base.endsWith("/") ? base + name : base + "/" + name);
    }

    /**
     * Posts a SOAP 1.2 message (MTOM or plain) and returns the decoded answer. The whole exchange has a deadline
     * ({@link fr.duiconnect.core.config.Timeouts#exchange()}) however slowly the DMP sends, and the answer a size cap
     * checked while it arrives, so a peer can neither hold the call nor fill the memory.
     */
    public MtomPackage.Decoded post(URI service, String contentType, byte[] body) {
        return start(service, contentType, body).answer();
    }

    /**
     * Sends the message and returns at once: the caller can prepare its next message while this one travels, then
     * waits for the answer with {@link Exchange#answer()} (same deadline, cap and errors as {@link #post}).
     */
    public Exchange start(URI service, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(service).timeout(endpoint.timeouts().read())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long started = System.nanoTime();
        return new Exchange(http.sendAsync(request, info -> new CappedBody(maxAnswerBytes)), started);
    }

    /** One exchange under way. */
    public final class Exchange {

        private final CompletableFuture<HttpResponse<byte[]>> response;
        private final long startedNanos;

        private Exchange(CompletableFuture<HttpResponse<byte[]>> response, long startedNanos) {
            this.response = response;
            this.startedNanos = startedNanos;
        }

        /** Waits for the answer until the exchange's deadline (counted from the sending) and decodes it. */
        public MtomPackage.Decoded answer() {
            Duration deadline = endpoint.timeouts().exchange();
            HttpResponse<byte[]> answered;
            try {
                long left = deadline.toNanos() - (System.nanoTime() - startedNanos);
                answered = response.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                response.cancel(true);
                throw new TransportException(CoreErrorCode.TIMEOUT, "the DMP exchange did not complete within " + deadline, e);
            } catch (ExecutionException e) {
                throw failure(e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                response.cancel(true);
                Thread.currentThread().interrupt();
                throw new TransportException(CoreErrorCode.TRANSPORT, "interrupted while calling the DMP", e);
            }
            return decode(answered);
        }

        /** Gives the exchange up (its answer is no longer wanted). */
        public void cancel() {
            response.cancel(true);
        }
    }

    private MtomPackage.Decoded decode(HttpResponse<byte[]> response) {
        byte[] answer = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        int status = response.statusCode();
        boolean soap = type.startsWith("application/soap+xml") || type.startsWith("multipart/related");
        if (status >= 500 && !soap) {
            throw new RemoteServiceException(DmpErrorCode.DMP_UNAVAILABLE, "HTTP " + status, "the DMP is unavailable");
        }
        if (status >= 400 && !soap) {
            throw new RemoteServiceException(DmpErrorCode.REGISTRY_ERROR, "HTTP " + status, "the DMP refused the request");
        }
        return MtomPackage.read(answer, type, 64);
    }

    private RuntimeException failure(Throwable cause) {
        if (cause instanceof AnswerTooLarge) {
            return new RemoteServiceException(DmpErrorCode.MALFORMED_ANSWER, "size", "the DMP's answer exceeds " + maxAnswerBytes + " bytes");
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new TransportException(CoreErrorCode.TIMEOUT, "the DMP did not accept the connection within " + endpoint.timeouts().connect(), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TransportException(CoreErrorCode.TIMEOUT, "the DMP did not answer within " + endpoint.timeouts().read(), cause);
        }
        if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            SSLException tls = cause instanceof SSLException e ? e : (SSLException) cause.getCause();
            return new TransportException(CoreErrorCode.TLS, "TLS with the DMP failed: " + tls.getMessage(), cause);
        }
        return new TransportException(CoreErrorCode.TRANSPORT, "the DMP cannot be reached or its answer was cut: "
                + cause.getClass().getSimpleName(), cause);
    }

    /** Refused as soon as the answer passes its cap. */
    private static final class AnswerTooLarge extends IOException {
        AnswerTooLarge() {
            super("answer too large");
        }
    }

    /** Collects the answer's bytes, and cancels the exchange as soon as they pass the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new AnswerTooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
