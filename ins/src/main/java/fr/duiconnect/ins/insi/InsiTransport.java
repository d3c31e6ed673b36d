package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.ins.InsErrorCode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTPS POST of SOAP 1.2 messages to INSi with the JDK client: one client (and one TLS context, from the endpoint's
 * trust store and the structure's INSI-AUTO/INSI-MANU certificate) per module instance, explicit timeouts.
 * Transport failures become typed errors; only those a later attempt may cure (timeouts, connection errors,
 * HTTP 5xx without a SOAP fault) are retryable.
 */
public final class InsiTransport {

    private final HttpClient client;
    private final URI url;
    private final Duration readTimeout;

    public InsiTransport(EndpointConfig endpoint) {
        TlsConfig tls = endpoint.tlsIfAny().orElseThrow(() -> new ConfigurationException("dui.ins.tls.truststore",
                "INSi is reached over mutual TLS: a trust store and the structure's certificate are required"));
        SSLContext context = tls.sslContext();
        this.client = HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(tls.sslParameters(context))
                .connectTimeout(endpoint.timeouts().connect())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.url = endpoint.url();
        this.readTimeout = endpoint.timeouts().read();
    }

    /** Sends the envelope; returns the body of a 200 answer, or of a SOAP fault (which the reader turns into an error). */
    public byte[] post(String envelope, String action) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TransportException(InsErrorCode.UNAVAILABLE, "INSi did not answer in time (" + e.getMessage() + ")", e);
        } catch (SSLException e) {
            throw new TransportException(InsErrorCode.TLS, "TLS with INSi failed: " + e.getMessage(), e);
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SSLException ssl) {
                throw new TransportException(InsErrorCode.TLS, "TLS with INSi failed: " + ssl.getMessage(), e);
            }
            throw new TransportException(InsErrorCode.UNAVAILABLE, "INSi unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(InsErrorCode.UNAVAILABLE, "interrupted while waiting for INSi", e);
        }
        int status = response.statusCode();
        if (status == 200 || isSoapFault(response)) {
            return response.body();
        }
        if (status >= 500) {
            throw new RemoteServiceException(InsErrorCode.UNAVAILABLE, "HTTP " + status, "INSi answered HTTP " + status);
        }
        throw new RemoteServiceException(InsErrorCode.REMOTE_FAULT, "HTTP " + status, "INSi answered HTTP " + status);
    }

    private static boolean isSoapFault(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        return (response.statusCode() == 500 || response.statusCode() == 400) && type.contains("xml")
                && new String(response.body(), StandardCharsets.UTF_8).contains("Fault");
    }
}
