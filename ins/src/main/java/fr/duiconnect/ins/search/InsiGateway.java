package fr.duiconnect.ins.search;

/**
 * One INSi traits search. Implemented by the SOAP client (CXF, mutual TLS); faults and transport failures come out
 * as DuiConnectExceptions.
 */
@FunctionalInterface
public interface InsiGateway {

    InsiAnswer rechercherInsAvecTraitsIdentite(RecSansVitale request);
}
