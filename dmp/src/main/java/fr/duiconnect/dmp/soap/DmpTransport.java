package fr.duiconnect.dmp.soap;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.dmp.DmpErrorCode;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

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

    /** Posts a SOAP 1.2 message (MTOM or plain) and returns the decoded answer. */
    public MtomPackage.Decoded post(URI service, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(service).timeout(endpoint.timeouts().read())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new TransportException(CoreErrorCode.TIMEOUT, "the DMP did not accept the connection within " + endpoint.timeouts().connect(), e);
        } catch (HttpTimeoutException e) {
            throw new TransportException(CoreErrorCode.TIMEOUT, "the DMP did not answer within " + endpoint.timeouts().read(), e);
        } catch (SSLException e) {
            throw new TransportException(CoreErrorCode.TLS, "TLS with the DMP failed: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof SSLException tls) {
                throw new TransportException(CoreErrorCode.TLS, "TLS with the DMP failed: " + tls.getMessage(), e);
            }
            throw new TransportException(CoreErrorCode.TRANSPORT, "the DMP cannot be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(CoreErrorCode.TRANSPORT, "interrupted while calling the DMP", e);
        }
        byte[] answer;
        try (InputStream in = response.body()) {
            answer = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAnswerBytes + 1));
        } catch (IOException e) {
            throw new TransportException(CoreErrorCode.TRANSPORT, "the DMP's answer was cut: " + e.getClass().getSimpleName(), e);
        }
        if (answer.length > maxAnswerBytes) {
            throw new RemoteServiceException(DmpErrorCode.MALFORMED_ANSWER, "size", "the DMP's answer exceeds " + maxAnswerBytes + " bytes");
        }
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
}
