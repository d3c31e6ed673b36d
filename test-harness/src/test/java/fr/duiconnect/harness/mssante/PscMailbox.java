package fr.duiconnect.harness.mssante;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Connector overrides for an organisational mailbox of the simulated operator, read through Pro Santé Connect. */
final class PscMailbox {

    private PscMailbox() {
    }

    /** PSC ports, XOAUTH2 with the token file, no client certificate, no S/MIME (a null value removes the property). */
    static Map<String, String> overrides(MssanteOperatorSimulator operator, String mailbox, Path tokenFile) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("dui.mssante.url", "smtp://127.0.0.1:" + operator.smtpPscPort());
        overrides.put("dui.mssante.option.imap.url", "imap://127.0.0.1:" + operator.imapPscPort());
        overrides.put("dui.mssante.option.mailbox", mailbox);
        overrides.put("dui.mssante.option.mailbox.kind", "organisational");
        overrides.put("dui.mssante.option.mailbox.unit", "Secrétariat");
        overrides.put("dui.mssante.option.auth.token.file", tokenFile.toString());
        overrides.put("dui.mssante.option.smime.policy", "off");
        overrides.put("dui.mssante.tls.keystore", null);
        return overrides;
    }
}
