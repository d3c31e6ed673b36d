package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.spi.ExchangeWatchdog;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http.HTTPConduitFactory;

/**
 * The CXF bus of one INS module (one connector), shared by the INSi transports of all its structures (#21): a bus
 * with its extensions cost more heap than everything else a structure holds, and nothing in it belongs to a
 * structure. What identifies a structure stays in its {@link InsiTransport}: its TLS context (its authentication
 * certificate, set on its own conduits) and, in the module, its Emetteur. Never the JVM's default bus, so two
 * connectors share nothing. One watchdog thread ends the exchanges of every structure past their deadline.
 */
public final class InsiBus implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InsiBus.class.getName());

    private final Bus bus = BusFactory.newInstance().createBus();
    private final ExchangeWatchdog watchdog = new ExchangeWatchdog("dui-insi-watchdog");

    public InsiBus() {
        // CXF logs a failed inbound chain (an answer it cannot read) at WARN with the whole stack; the typed error
        // says it in one line, so the trace goes to DEBUG.
        bus.setProperty(FaultListener.class.getName(), (FaultListener) (exception, description, message) -> {
            LOG.log(System.Logger.Level.DEBUG, description, exception);
            return false;
        });
        bus.setExtension((HTTPConduitFactory) (transports, conduitBus, endpointInfo, target)
                -> new SendOnceConduit(conduitBus, endpointInfo, target), HTTPConduitFactory.class);   // this bus only
        // The INSi contract carries no WS-Policy (no WSDL is even loaded), but when cxf-rt-ws-policy is on the class path
        // (other modules bring it) its engine puts its interceptors on every bus: 15 % of the answer's handling for nothing.
        bus.getInInterceptors().removeIf(InsiBus::wsPolicy);
        bus.getOutInterceptors().removeIf(InsiBus::wsPolicy);
        bus.getInFaultInterceptors().removeIf(InsiBus::wsPolicy);
        bus.getOutFaultInterceptors().removeIf(InsiBus::wsPolicy);
    }

    /** A structure's transport: {@code endpoint} is the structure's own (URL, timeouts, TLS context and certificate). */
    public InsiTransport transport(EndpointConfig endpoint, long maxAnswerBytes) {
        return new InsiTransport(this, endpoint, maxAnswerBytes);
    }

    Bus bus() {
        return bus;
    }

    ExchangeWatchdog watchdog() {
        return watchdog;
    }

    private static boolean wsPolicy(Interceptor<?> interceptor) {
        return interceptor.getClass().getName().startsWith("org.apache.cxf.ws.policy.");
    }

    @Override
    public void close() {
        watchdog.close();
        bus.shutdown(true);
    }
}
