package fr.duiconnect.core;

import java.util.Map;

/**
 * Whether each started service can serve every operation now. A service that builds something in the background
 * (the FHIR services' validators) is {@link State#PREPARING} until then; its operations that need it wait for it,
 * bounded, and the others work at once.
 *
 * @param services the started services
 */
public record ConnectorHealth(Map<ServiceSocle, Service> services) {

    public ConnectorHealth {
        services = Map.copyOf(services);
    }

    /** Every started service is ready. */
    public boolean ready() {
        return services.values().stream().allMatch(s -> s.state() == State.READY);
    }

    public State of(ServiceSocle socle) {
        Service service = services.get(socle);
        return service == null ? null : service.state();
    }

    public enum State { READY, PREPARING, FAILED }

    /** @param detail why it failed (null unless {@link State#FAILED}) */
    public record Service(State state, String detail) {
    }
}
