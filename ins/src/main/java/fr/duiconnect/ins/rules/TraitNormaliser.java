package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposes an INSi-compatible form of what a user typed, for the user to accept or not. The connector never
 * applies it on its own: requests are built from traits that pass {@link InsiTraitRules} unchanged.
 */
public final class TraitNormaliser {

    /** A proposal: the original text, the proposed one, what was changed, and whether the result passes the rules. */
    public record Proposal(String original, String proposed, List<String> changes, Optional<String> stillRefusedBecause) {
        public Proposal {
            changes = List.copyOf(changes);
        }

        public boolean changed() { return !original.equals(proposed); }

        public boolean acceptable() { return stillRefusedBecause.isEmpty(); }
    }

    private TraitNormaliser() {
    }

    public static Proposal propose(String input, TraitKind kind) {
        List<String> changes = new ArrayList<>();
        String text = input == null ? "" : input;
        String step = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
        note(changes, text, step, "typographic apostrophes replaced by '");
        text = step;
        step = text.replace("Æ", "AE").replace("æ", "ae").replace("Œ", "OE").replace("œ", "oe");
        note(changes, text, step, "ligatures written as separate letters");
        text = step;
        step = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        note(changes, text, step, "accents removed");
        text = step;
        step = text.toUpperCase(java.util.Locale.ROOT);
        note(changes, text, step, "upper-cased");
        text = step;
        step = text.strip().replaceAll("\\s+", " ");
        note(changes, text, step, "spaces trimmed and collapsed");
        text = step;
        Optional<String> refusal;
        try {
            InsiTraitRules.check(text, kind);
            refusal = Optional.empty();
        } catch (InvalidInputException e) {
            refusal = Optional.of(e.getMessage());
        }
        return new Proposal(input, text, changes, refusal);
    }

    private static void note(List<String> changes, String before, String after, String change) {
        if (!before.equals(after)) {
            changes.add(change);
        }
    }
}
