package fr.duiconnect.harness.mssante;

/**
 * The two client interfaces ("API LPS") an MSSanté operator exposes, each on its own ports: the application-mailbox
 * interface (mutual TLS with an ORG AUTH_CLI certificate, then SASL PLAIN, ECO.1.3.1) and the personal or
 * organisational mailbox interface (SASL XOAUTH2 with a Pro Santé Connect token, ECO.1.2.1).
 */
enum LpsInterface {
    APPLICATION("PLAIN"),
    PSC("XOAUTH2");

    private final String mechanism;

    LpsInterface(String mechanism) {
        this.mechanism = mechanism;
    }

    String mechanism() {
        return mechanism;
    }

    boolean needsClientCertificate() {
        return this == APPLICATION;
    }
}
