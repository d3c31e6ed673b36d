package fr.duiconnect.ins.insi;

import java.util.UUID;

/**
 * What the ContexteLPS / ContexteBAM headers say about the caller.
 *
 * @param authorisation CNDA authorisation number (IDAM R="4")
 * @param emitter       Emetteur: the rule is UNCONFIRMED (padoa uses the certificate OU, SAPA a configured value);
 *                      configurable through the endpoint option {@code emetteur}, defaulting to the acting FINESS
 */
public record InsiCallContext(String authorisation, String softwareName, String softwareVersion, UUID instance,
                              String emitter) {
}
