package fr.duiconnect.ins.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Proposes an INSi form of what a user typed (upper case, accents removed, ligatures expanded, typographic
 * apostrophes to ', separators collapsed). It only proposes: the connector never sends a proposal it was not
 * explicitly given, and {@link InsiTraitRules} still checks the result.
 */
public final class TraitNormaliser {

    /** The proposed form, or empty when nothing sensible can be proposed (digits, other scripts...). */
    public record Proposal(String original, String proposed) {
        public boolean changed() {
            return !original.equals(proposed);
        }
    }

    private TraitNormaliser() { }

    public static Optional<Proposal> propose(String input, TraitKind kind) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replace('\u00B4', '\'')
                .replace("Æ", "AE").replace("æ", "ae").replace("Œ", "OE").replace("œ", "oe").replace("ß", "SS");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toUpperCase(Locale.ROOT).strip();
        s = s.replaceAll(" {2,}", " ").replaceAll("'{2,}", "'").replaceAll("-{3,}", "--");
        s = s.replaceAll("^[ -]+", "");
        if (kind != TraitKind.NOM_NAISSANCE) {
            s = s.replace("--", "-").replaceAll("[-']+$", "");
        }
        s = s.replaceAll("[ -]+$", "");
        try {
            InsiTraitRules.requireValid(s, kind);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new Proposal(input, s));
    }
}
