package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.ins.InsErrorCode;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * SOAP 1.2 over HTTPS to INSi through Apache CXF (JAX-WS Dispatch, message mode: the envelope with its
 * ContexteBAM/ContexteLPS headers is built by {@link InsiSoap}), with this client's own CXF bus, TLS context
 * (IGC-Santé trust anchors and the ORG AUTH_CLI certificate, CN INSI-AUTO/INSI-MANU, host name checked) and
 * timeouts. One per module instance; thread-safe (the request context is set once).
 */
public final class InsiTransport implements AutoCloseable {

    private static final QName SERVICE = new QName("http://www.cnamts.fr/webservice", "ICIR-v1");
    private static final QName PORT = new QName("http://www.cnamts.fr/webservice", "ICIRServicePort");

    private final Bus bus;
    private final java.util.Map<String, Dispatch<Source>> dispatches = new java.util.HashMap<>();
    private final EndpointConfig endpoint;

    public InsiTransport(EndpointConfig endpoint) {
        this.endpoint = endpoint;
        this.bus = BusFactory.newInstance().createBus();
        Bus previous = BusFactory.getThreadDefaultBus(false);
        BusFactory.setThreadDefaultBus(bus);   // JAX-WS picks the thread's bus: ours, never the global default
        try {
            Service service = Service.create(SERVICE);
            service.addPort(PORT, SOAPBinding.SOAP12HTTP_BINDING, endpoint.url().toString());
            // One dispatch per operation, so that each keeps its SOAP action and no request context changes per call.
            for (String action : java.util.List.of(InsiNamespaces.ACTION_SEARCH_BY_TRAITS, InsiNamespaces.ACTION_SEARCH_BY_VITALE)) {
                Dispatch<Source> dispatch = service.createDispatch(PORT, Source.class, Service.Mode.MESSAGE);
                dispatch.getRequestContext().put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
                dispatch.getRequestContext().put(BindingProvider.SOAPACTION_URI_PROPERTY, action);
                configure(((DispatchImpl<?>) dispatch).getClient(), endpoint);
                dispatches.put(action, dispatch);
            }
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
    }

    private static void configure(Client client, EndpointConfig endpoint) {
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(endpoint.timeouts().connect().toMillis());
        policy.setReceiveTimeout(endpoint.timeouts().read().toMillis());
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        endpoint.tlsIfAny().ifPresent(tls -> {
            SSLContext context = tls.sslContext();
            TLSClientParameters parameters = new TLSClientParameters();
            parameters.setSslContext(context);
            parameters.setDisableCNCheck(false);
            parameters.setCipherSuites(java.util.Arrays.asList(tls.sslParameters(context).getCipherSuites()));
            conduit.setTlsClientParameters(parameters);
        });
    }

    /** Sends the envelope and returns the answer envelope; a SOAP fault comes back as an envelope holding it. */
    public String call(String envelope, String action) {
        try {
            Dispatch<Source> dispatch = dispatches.get(action);
            if (dispatch == null) {
                throw new IllegalArgumentException("no INSi operation for action " + action);
            }
            Source answer = dispatch.invoke(new StreamSource(new StringReader(envelope)));
            return serialise(answer);
        } catch (SOAPFaultException fault) {
            throw fault(fault.getFault());
        } catch (WebServiceException e) {
            throw classify(e);
        }
    }

    /** Subcode, reason and the siram:Erreur detail (code attribute and text) of an INSi fault. */
    private static RemoteServiceException fault(jakarta.xml.soap.SOAPFault fault) {
        String subcode = null;
        var subcodes = fault.getFaultSubcodes();
        if (subcodes.hasNext()) {
            subcode = subcodes.next().getLocalPart();
        }
        String siramCode = null;
        String siramText = "";
        if (fault.getDetail() != null) {
            var entries = fault.getDetail().getDetailEntries();
            while (entries.hasNext()) {
                var entry = entries.next();
                if ("Erreur".equals(entry.getLocalName())) {
                    siramCode = entry.getAttribute("code");
                    siramText = entry.getTextContent().trim();
                }
            }
        }
        return InsiSoap.fault(subcode, fault.getFaultString(), siramCode, siramText);
    }

    private RuntimeException classify(WebServiceException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HTTPException http) {
                int status = http.getResponseCode();
                return status >= 500
                        ? new RemoteServiceException(InsErrorCode.INSI_UNAVAILABLE, "HTTP " + status, "INSi is unavailable")
                        : new RemoteServiceException(InsErrorCode.INSI_FAULT, "HTTP " + status, "INSi refused the request");
            }
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return new TransportException(CoreErrorCode.TIMEOUT, "INSi did not answer within " + endpoint.timeouts().read(), failure);
            }
            if (cause instanceof SSLException) {
                return new TransportException(CoreErrorCode.TLS, "TLS with INSi failed: " + cause.getMessage(), failure);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return new TransportException(CoreErrorCode.TIMEOUT, "INSi did not answer within " + endpoint.timeouts().read(), failure);
            }
            if (cause instanceof IOException) {
                return new TransportException(CoreErrorCode.TRANSPORT, "INSi cannot be reached: " + cause.getClass().getSimpleName(), failure);
            }
        }
        return new RemoteServiceException(InsErrorCode.INSI_RESPONSE, null, "the INSi exchange failed: " + failure.getMessage());
    }

    private static String serialise(Source source) {
        try {
            Transformer transformer = SecureXml.transformerFactory().newTransformer();
            StringWriter out = new StringWriter();
            transformer.transform(source, new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, null, "the INSi answer cannot be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        bus.shutdown(true);
    }
}
