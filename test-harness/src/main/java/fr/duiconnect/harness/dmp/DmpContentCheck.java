package fr.duiconnect.harness.dmp;

import fr.duiconnect.dmp.cda.CdaFinding;
import fr.duiconnect.dmp.cda.CdaProfile;
import fr.duiconnect.dmp.cda.CdaValidationReport;
import fr.duiconnect.dmp.cda.CdaValidator;
import fr.duiconnect.harness.fhir.SharedConformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the DMP checks of each CDA it is given (ITI-41), with the ANS kit: the CDA schema, the volet's schematron
 * (found from the document's templateId) and structuration minimale refuse the deposit; the kit's body profiles
 * (IHE PCC, CI-SIS content models) answer as warnings, since the volet itself does not require what they add
 * (e.g. the ANS model's embedded document in "Documents ajoutés"). The kit is compiled once per JVM, on the
 * first deposit. Thread-safe.
 */
final class DmpContentCheck {

    /** The registry error code of a document the DMP does not accept as CDA. */
    static final String REFUSAL_CODE = "XDSRepositoryError";

    private final Supplier<CdaValidator> validator;
    private final Path kit;
    private final AtomicLong validations = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private volatile List<String> lastWarnings = List.of();

    private DmpContentCheck(Path kit) {
        this.kit = kit;
        this.validator = kit == null ? () -> null : () -> CdaValidator.shared(kit);
    }

    /**
     * The kit from {@code -Ddui.cda.kit}, {@code DUI_CDA_KIT}, or the shared conformance directory; without one the
     * simulator refuses to start ({@link #prepare()}).
     */
    static DmpContentCheck fromEnvironment() {
        return new DmpContentCheck(configuredKit().orElse(null));
    }

    static DmpContentCheck of(Path kit) {
        return new DmpContentCheck(kit);
    }

    private static Optional<Path> configuredKit() {
        String configured = System.getProperty("dui.cda.kit", System.getenv("DUI_CDA_KIT"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        try {
            Path shared = SharedConformance.directory().resolve("conformance/ans-cda-kit");
            return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * Compiles the kit before the simulator listens (seconds, once per JVM), so no deposit waits past its timeout.
     * Without the kit the simulator does not start: checking the metadata alone, it would register documents the DMP
     * refuses (schema, volet, structuration minimale) — a green sandbox the national service would turn red.
     */
    void prepare() {
        if (kit == null) {
            throw new IllegalStateException("DMP simulator: the ANS CDA validation kit is not found (set -Ddui.cda.kit or DUI_CDA_KIT, "
                    + "or the shared conformance directory with -Ddui.shared.dir or DUI_SHARED_DIR): without it deposited documents "
                    + "could not be validated as the DMP validates them");
        }
        validator.get().prepared(EnumSet.allOf(CdaProfile.class));
    }

    boolean active() {
        return kit != null;
    }

    /**
     * Validates one document; a failure of the schema, the volet or structuration minimale refuses it, with the
     * failed assertion as the registry error's codeContext. Returns the body profiles' findings, as warnings.
     */
    List<String> check(String uniqueId, byte[] cda) throws DmpResponder.Refusal {
        CdaValidator kitValidator = validator.get();
        if (kitValidator == null) {
            return List.of();
        }
        long start = System.nanoTime();
        CdaValidationReport report;
        try {
            report = kitValidator.validate(cda, EnumSet.allOf(CdaProfile.class));
        } catch (RuntimeException e) {
            throw new DmpResponder.Refusal(REFUSAL_CODE, "document " + uniqueId + " : CDA illisible (" + e.getMessage() + ")");
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
            validations.incrementAndGet();
        }
        List<String> warnings = new ArrayList<>();
        for (CdaFinding finding : report.findings()) {
            if (isProfile(finding.source())) {
                warnings.add(describe(finding));
            } else {
                throw new DmpResponder.Refusal(REFUSAL_CODE, "document " + uniqueId + " non conforme : " + describe(finding));
            }
        }
        lastWarnings = List.copyOf(warnings);
        return warnings;
    }

    /** The body profiles' warnings of the last document validated. */
    List<String> lastWarnings() {
        return lastWarnings;
    }

    private static boolean isProfile(String source) {
        for (CdaProfile profile : CdaProfile.values()) {
            if (profile.schematron().equals(source)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(CdaFinding finding) {
        return "[" + finding.source() + "] " + finding.text() + " (" + finding.location() + ")";
    }

    /** Documents validated so far, and the mean time one took (milliseconds), for the DMP bench. */
    long validations() {
        return validations.get();
    }

    double meanMillis() {
        long count = validations.get();
        return count == 0 ? 0 : nanos.get() / 1e6 / count;
    }

    String describe() {
        return kit == null ? "CDA not validated (no kit)" : "CDA validated with the ANS kit at " + kit;
    }
}
