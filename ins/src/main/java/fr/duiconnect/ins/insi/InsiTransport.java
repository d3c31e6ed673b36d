package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.error.CoreErrorCode;
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

/**
 * SOAP 1.2 over HTTPS to INSi with this client's own TLS context (IGC-Santé trust anchors and the structure's
 * ORG AUTH_CLI certificate, CN INSI-AUTO or INSI-MANU) and its own timeouts. One per module instance; thread-safe.
 */
public final class InsiTransport {

    private final HttpClient http;
    private final URI url;
    private final EndpointConfig endpoint;

    public InsiTransport(EndpointConfig endpoint) {
        this.endpoint = endpoint;
        this.url = endpoint.url();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(endpoint.timeouts().connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        endpoint.tlsIfAny().ifPresent(tls -> {
            SSLContext context = tls.sslContext();
            builder.sslContext(context).sslParameters(tls.sslParameters(context));
        });
        this.http = builder.build();
    }

    /** Posts the envelope and returns the answer body; a SOAP fault comes back as the body of an HTTP 500. */
    public String call(String envelope, String action) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(endpoint.timeouts().read())
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TransportException(CoreErrorCode.TIMEOUT, "INSi did not answer within " + endpoint.timeouts().read(), e);
        } catch (SSLException e) {
            throw new TransportException(CoreErrorCode.TLS, "TLS with INSi failed: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof SSLException ssl) {
                throw new TransportException(CoreErrorCode.TLS, "TLS with INSi failed: " + ssl.getMessage(), e);
            }
            throw new TransportException(CoreErrorCode.TRANSPORT, "INSi cannot be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(CoreErrorCode.TRANSPORT, "interrupted while waiting for INSi", e);
        }
        int status = response.statusCode();
        String body = response.body();
        boolean soapFault = body != null && body.contains("Fault") && body.contains(InsiNamespaces.SOAP12);
        if (status == 200 || (status == 500 && soapFault)) {
            return body;
        }
        if (status >= 500) {
            throw new RemoteServiceException(InsErrorCode.INSI_UNAVAILABLE, "HTTP " + status, "INSi is unavailable");
        }
        throw new RemoteServiceException(InsErrorCode.INSI_FAULT, "HTTP " + status, "INSi refused the request");
    }
}
