package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.core.spi.BoundedAnswer;
import fr.duiconnect.core.spi.ExchangeWatchdog;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.ins.InsErrorCode;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.SoapBindingConstants;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * SOAP 1.2 over HTTPS to INSi through Apache CXF (JAX-WS Dispatch, message mode: the envelope with its
 * ContexteBAM/ContexteLPS headers is built by {@link InsiSoap}) for one structure: its own TLS context (IGC-Santé
 * trust anchors and the structure's ORG AUTH_CLI certificate, CN INSI-AUTO/INSI-MANU, host name checked) and
 * timeouts, on the CXF bus the module shares between its structures ({@link InsiBus}). Thread-safe (the request
 * context is set once).
 * <p>
 * CXF's receive timeout bounds each read, not the exchange: an INSi peer sending one byte every two seconds would hold
 * the call for minutes. So each call has a budget (connect + read, {@link fr.duiconnect.core.config.Timeouts#exchange()})
 * and a size cap ({@code dui.ins.option.max-answer-bytes}, default {@value #DEFAULT_MAX_ANSWER_BYTES}): an interceptor
 * first in CXF's inbound chain hands the answer to CXF through a {@link BoundedAnswer}, and the bus's watchdog closes
 * that stream when the deadline comes. The call itself stays a plain synchronous invoke (CXF's asynchronous invoke made
 * the INSi simulator refuse the message as unreadable).
 */
public final class InsiTransport implements AutoCloseable {

    private static final String SOAP12_ENVELOPE = "http://www.w3.org/2003/05/soap-envelope";
    private static final QName SERVICE = new QName("http://www.cnamts.fr/webservice", "ICIR-v1");
    private static final QName PORT = new QName("http://www.cnamts.fr/webservice", "ICIRServicePort");

    private static final java.util.Set<String> ACTIONS = java.util.Set.of(InsiNamespaces.ACTION_SEARCH_BY_TRAITS,
            InsiNamespaces.ACTION_SEARCH_BY_VITALE);

    private final Dispatch<Source> dispatch;
    private final EndpointConfig endpoint;
    private final long maxAnswerBytes;
    private final ExchangeWatchdog watchdog;
    /** The budget of the call running on this thread, handed to the interceptors through CXF's exchange. */
    private final ThreadLocal<Budget> budgets = new ThreadLocal<>();

    /** INSi answers are a few kilobytes; a megabyte leaves room for long INSHISTO lists. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 1_048_576;

    /** A structure's transport on the module's shared bus; {@code endpoint} is the structure's (URL, timeouts, TLS). */
    InsiTransport(InsiBus shared, EndpointConfig endpoint, long maxAnswerBytes) {
        this.endpoint = endpoint;
        this.maxAnswerBytes = maxAnswerBytes;
        this.watchdog = shared.watchdog();
        Bus previous = BusFactory.getThreadDefaultBus(false);
        BusFactory.setThreadDefaultBus(shared.bus());   // JAX-WS picks the thread's bus: the module's, never the global default
        try {
            Service service = Service.create(SERVICE);
            service.addPort(PORT, SOAPBinding.SOAP12HTTP_BINDING, endpoint.url().toString());
            // One dispatch for both INSi operations (a dispatch's service model is most of what a structure holds): the
            // SOAP action is the call's, set on its own message, so the shared request context never changes.
            dispatch = service.createDispatch(PORT, Source.class, Service.Mode.MESSAGE);
            Client client = ((DispatchImpl<?>) dispatch).getClient();
            HTTPConduit conduit = (HTTPConduit) client.getConduit();
            conduit.setClient(policy(endpoint));
            // The structure's TLS context: its certificate and nothing else.
            endpoint.tlsIfAny().ifPresent(tls -> conduit.setTlsClientParameters(tlsParameters(tls)));
            client.getOutInterceptors().add(new BudgetOut());
            client.getInInterceptors().add(new BudgetIn());
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
    }

    private static HTTPClientPolicy policy(EndpointConfig endpoint) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(endpoint.timeouts().connect().toMillis());
        policy.setReceiveTimeout(endpoint.timeouts().read().toMillis());
        policy.setAllowChunking(false);
        return policy;
    }

    private static TLSClientParameters tlsParameters(fr.duiconnect.core.config.TlsConfig tls) {
        SSLContext context = tls.sslContext();
        TLSClientParameters parameters = new TLSClientParameters();
        parameters.setSslContext(context);
        parameters.setDisableCNCheck(false);
        parameters.setCipherSuites(java.util.Arrays.asList(tls.sslParameters(context).getCipherSuites()));
        return parameters;
    }

    /**
     * An answer: its envelope as CXF read it (read once, not serialised and parsed again) and the text INSi sent,
     * kept as the search result's evidence.
     */
    public record Answer(Element envelope, String text) {
    }

    /** Sends the envelope and returns the answer envelope; a SOAP fault comes back as an envelope holding it. */
    public Answer call(String envelope, String action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("no INSi operation for action " + action);
        }
        Duration deadline = endpoint.timeouts().exchange();
        Budget budget = new Budget(action, System.nanoTime() + deadline.toNanos(), deadline, maxAnswerBytes);
        budgets.set(budget);
        try (ExchangeWatchdog.Alarm alarm = watchdog.arm(deadline, budget::expire)) {
            Source answer = dispatch.invoke(new StreamSource(new StringReader(envelope)));
            return new Answer(envelopeOf(answer, budget), budget.received());
        } catch (SOAPFaultException fault) {
            RuntimeException bounded = budget.failure(fault);
            if (bounded != null) {
                throw bounded;
            }
            // CXF reports an answer it cannot read as a SOAP fault of its own making (with the parser's error as cause,
            // or a SOAP 1.1 "version mismatch"); a fault INSi sent is a SOAP 1.2 fault and nothing else.
            if (!sentByInsi(fault)) {
                throw budget.malformed(fault);
            }
            try {
                throw fault(fault.getFault());
            } catch (UnsupportedOperationException | IllegalStateException unreadable) {
                throw budget.malformed(fault);
            }
        } catch (WebServiceException e) {
            RuntimeException bounded = budget.failure(e);
            throw bounded != null ? bounded : classify(e, budget);
        } finally {
            budgets.remove();
        }
    }

    private static boolean sentByInsi(SOAPFaultException fault) {
        for (Throwable cause = fault.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (!(cause instanceof Fault)) {
                return false;
            }
        }
        return fault.getFault() != null && SOAP12_ENVELOPE.equals(fault.getFault().getNamespaceURI());
    }

    /** Puts the call's SOAP action on its message, and its budget into CXF's exchange, where the inbound interceptor finds it. */
    private final class BudgetOut extends AbstractPhaseInterceptor<Message> {
        BudgetOut() {
            super(Phase.SETUP);
        }

        @Override
        public void handleMessage(Message message) throws Fault {
            Budget budget = budgets.get();
            if (budget != null) {
                message.put(SoapBindingConstants.SOAP_ACTION, budget.action);
                message.getExchange().put(Budget.class, budget);
            }
        }
    }

    /** First in the inbound chain: everything CXF reads of the answer goes through the call's {@link BoundedAnswer}. */
    private static final class BudgetIn extends AbstractPhaseInterceptor<Message> {
        BudgetIn() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) throws Fault {
            Budget budget = message.getExchange().get(Budget.class);
            InputStream in = message.getContent(InputStream.class);
            if (budget != null && in != null) {
                message.setContent(InputStream.class, budget.bind(in));
            }
        }
    }

    /** One call's deadline, cap and answer stream. */
    private static final class Budget {
        private final String action;
        private final long deadlineNanos;
        private final Duration deadline;
        private final long maxBytes;
        private volatile BoundedAnswer answer;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream(4096);
        private volatile boolean expired;

        Budget(String action, long deadlineNanos, Duration deadline, long maxBytes) {
            this.action = action;
            this.deadlineNanos = deadlineNanos;
            this.deadline = deadline;
            this.maxBytes = maxBytes;
        }

        synchronized InputStream bind(InputStream in) {
            answer = new BoundedAnswer(in, deadlineNanos, deadline, maxBytes);
            if (expired) {
                answer.expire();
            }
            return new FilterInputStream(answer) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        received.write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        received.write(buffer, offset, n);
                    }
                    return n;
                }
            };
        }

        /** The answer's bytes as CXF read them (at most the cap: the bounded stream refuses more). */
        String received() {
            return received.toString(StandardCharsets.UTF_8);
        }

        synchronized void expire() {
            expired = true;
            if (answer != null) {
                answer.expire();
            }
        }

        /** The typed error when the call failed on its deadline or its cap, else null. */
        RuntimeException failure(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof BoundedAnswer.TooLarge) {
                    return new RemoteServiceException(InsErrorCode.INSI_RESPONSE, "size",
                            "the INSi answer exceeds " + maxBytes + " bytes (dui.ins.option.max-answer-bytes)");
                }
                if (cause instanceof BoundedAnswer.DeadlinePassed) {
                    return timeout(failure);
                }
            }
            return expired ? timeout(failure) : null;
        }

        private TransportException timeout(Throwable failure) {
            return new TransportException(CoreErrorCode.TIMEOUT, "the INSi exchange did not complete within " + deadline
                    + " (connect + read timeouts)", failure);
        }

        /** One line: what INSi sent, cut to its first characters; the parser's stack stays on the cause. */
        RemoteServiceException malformed(Throwable failure) {
            String head = answer == null ? "" : answer.head();
            return new RemoteServiceException(InsErrorCode.INSI_RESPONSE, null, "INSi sent an answer that is not a SOAP 1.2 envelope: \""
                    + RemoteServiceException.excerpt(head, BoundedAnswer.HEAD) + "\"", failure);
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

    private RuntimeException classify(WebServiceException failure, Budget budget) {
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
        return budget.malformed(failure);
    }

    /** CXF hands a message-mode answer over as a DOM (its SAAJ part); any other source is read into one. */
    private static Element envelopeOf(Source source, Budget budget) {
        try {
            Node node = source instanceof DOMSource dom ? dom.getNode() : null;
            if (node == null) {
                DOMResult result = new DOMResult();
                SecureXml.transformerFactory().newTransformer().transform(source, result);
                node = result.getNode();
            }
            Element envelope = node instanceof Document document ? document.getDocumentElement() : (Element) node;
            if (envelope == null) {
                throw new IllegalStateException("empty answer");
            }
            return envelope;
        } catch (TransformerException | RuntimeException e) {
            RuntimeException bounded = budget.failure(e);
            throw bounded != null ? bounded : budget.malformed(e);
        }
    }

    /** Releases this structure's client and connections; the shared bus stays for the other structures. */
    @Override
    public void close() {
        ((DispatchImpl<?>) dispatch).getClient().destroy();
    }
}
