package fr.duiconnect.dmp;

/** A synchronous DMP exchange, run by the request route against the gateway. */
@FunctionalInterface
public interface DmpCall {
    Object run(DmpGateway gateway);
}
