package fr.duiconnect.core;

import fr.duiconnect.core.dmp.DmpClient;
import fr.duiconnect.core.eparcours.EParcoursClient;
import fr.duiconnect.core.eprescription.EPrescriptionClient;
import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.mssante.MssanteClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;

/**
 * One structure's view of a {@link DuiConnector} ({@code connector.forStructure("750000010").dmp()}): the same service
 * clients, acting with that structure's identity only. Thread-safe and cheap; hold it or ask for it per request.
 *
 * <p>Each method call on a client of this view first checks the structure's registry entry (enabled, using the
 * service: {@code STRUCTURE-DISABLED}, {@code STRUCTURE-SERVICE-NOT-ENABLED}) and then reaches the module's client for
 * the entry as it is then, so nothing is sent or journaled for a structure that may not, and a rotated certificate is
 * used from the next call on.
 */
public final class StructureConnector {

    private final String finess;
    private final BiFunction<ServiceSocle, String, Object> clients;

    StructureConnector(String finess, BiFunction<ServiceSocle, String, Object> clients) {
        this.finess = finess;
        this.clients = clients;
    }

    /** The FINESS géographique this view acts for. */
    public String finess() {
        return finess;
    }

    public InsClient ins() {
        return view(ServiceSocle.INS, InsClient.class);
    }

    public DmpClient dmp() {
        return view(ServiceSocle.DMP, DmpClient.class);
    }

    public MssanteClient mssante() {
        return view(ServiceSocle.MSSANTE, MssanteClient.class);
    }

    public EPrescriptionClient eprescription() {
        return view(ServiceSocle.EPRESCRIPTION, EPrescriptionClient.class);
    }

    public EParcoursClient eparcours() {
        return view(ServiceSocle.EPARCOURS, EParcoursClient.class);
    }

    /**
     * A client of the interface whose every call goes to the structure's current client. A proxy, because the five
     * client interfaces hold some forty methods and the check is the same for each of them.
     */
    private <T> T view(ServiceSocle socle, Class<T> type) {
        type.cast(clients.apply(socle, finess));   // refused now rather than at the first call, when it already is
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, socle);
            }
            try {
                return method.invoke(clients.apply(socle, finess), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private Object objectMethod(Object proxy, Method method, Object[] args, ServiceSocle socle) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> socle.key() + " client of structure " + finess;
        };
    }

    @Override
    public String toString() {
        return "StructureConnector[" + finess + "]";
    }
}
