package fr.duiconnect.ins.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Proposes the INSi form of a trait typed by a user (upper case, no accents, ligatures spelled out, typographic
 * apostrophe as '). Only a proposal, for the user to confirm: the connector never alters the traits it sends.
 */
public final class TraitNormaliser {

    private TraitNormaliser() {
    }

    public static String propose(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip()
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'')
                .replace("Æ", "AE").replace("æ", "AE").replace("Œ", "OE").replace("œ", "OE").replace("ß", "SS");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        text = text.replaceAll("[^A-Z '\\-]", " ")
                .replaceAll(" {2,}", " ")
                .replaceAll("'{2,}", "'")
                .replaceAll("-{3,}", "--")
                .replaceAll("^[ \\-]+|[ \\-]+$", "");
        return text;
    }
}
